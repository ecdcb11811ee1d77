package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import org.junit.jupiter.api.Test;

class GroupFieldsTest {

    @Test
    void groupIdAndName() {
        Harness h = new Harness().feed(exec(95, "/bin/sh", "sh").gid(1000).build(), sys(95, "getuid", 0));
        assertEquals(1000L, h.value("group.gid"));
        assertEquals("alice", h.value("group.name"));
    }

    @Test
    void unknownGroupAndSetgid() {
        Harness h = new Harness().feed(exec(96, "/bin/sh", "sh").gid(777).build(), sys(96, "getuid", 0));
        assertEquals("<NA>", h.value("group.name"));
        h.feed(sys(96, "setgid", 0, "gid", 65534), sys(96, "getuid", 0));
        assertEquals(65534L, h.value("group.gid"));
        assertEquals("nogroup", h.value("group.name"));
    }
}
