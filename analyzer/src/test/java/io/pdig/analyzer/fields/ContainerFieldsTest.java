package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import org.junit.jupiter.api.Test;

class ContainerFieldsTest {
    private static final String ID = "3f2a9c1b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";

    @Test
    void hostProcessesLookLikeTheContainerPluginsHost() {
        Harness h = new Harness().feed(exec(60, "/bin/sh", "sh").build(), sys(60, "getuid", 0));
        assertEquals("host", h.value("container.id"));
        assertEquals("host", h.value("container.name"));
        assertEquals("", h.value("container.image.repository"));
        assertEquals("", h.value("container.image.tag"));
        assertNull(h.value("container.privileged"));
        assertNull(h.value("container.mount.dest[/var/run/docker.sock]"));
        assertNull(h.value("k8s.ns.name"));
        assertNull(h.value("k8s.pod.name"));
        assertEquals(60L, h.value("proc.vpid"));
    }

    @Test
    void dockerCgroupGivesTheShortId() {
        Harness h = new Harness().feed(
                exec(61, "/bin/sh", "sh").cgroup("0::/system.slice/docker-" + ID + ".scope\n").build(),
                sys(61, "getuid", 0));
        assertEquals(ID.substring(0, 12), h.value("container.id"));
        assertEquals(ID, h.value("container.full_id"));
        assertNull(h.value("container.name"), "runtime metadata is unknown");
        assertNull(h.value("container.image.repository"));
        assertNull(h.value("proc.vpid"), "pid inside the container's namespace is unknown");
    }

    @Test
    void noProcessNoContainer() {
        Harness h = new Harness().feed(sys(62, "getuid", 0));
        assertNull(h.value("container.id"));
    }
}
