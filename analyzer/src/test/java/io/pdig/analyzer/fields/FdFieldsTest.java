package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import java.util.List;
import org.junit.jupiter.api.Test;

class FdFieldsTest {

    private static Harness proc() {
        return new Harness().feed(exec(70, "/usr/bin/app", "app").cwd("/srv/app").build());
    }

    @Test
    void fileFieldsOfASuccessfulOpen() {
        Harness h = proc().feed(sys(70, "openat", 5, "dirfd", -100, "name", "../data/./x.log", "flags", 01));
        assertEquals(5L, h.value("fd.num"));
        assertEquals("/srv/data/x.log", h.value("fd.name"), "lexically normalized against cwd");
        assertEquals("../data/./x.log", h.value("fd.nameraw"));
        assertEquals("/srv/data", h.value("fd.directory"));
        assertEquals("x.log", h.value("fd.filename"));
        assertEquals("file", h.value("fd.type"));
        assertEquals("f", h.value("fd.typechar"));
        assertNull(h.value("fd.sip"));
        assertEquals("<NA>", h.value("fd.l4proto"), "libsinsp's literal for fds without an IP protocol");
        assertNull(h.value("fd.sockfamily"));
        assertEquals(false, h.value("fd.connected"));
    }

    @Test
    void tracerResolvedPathWins() {
        Harness h = proc().feed(sys(70, "openat", 6, "dirfd", -100, "name", path("cfg", "/etc/app/cfg"), "flags", 0));
        assertEquals("/etc/app/cfg", h.value("fd.name"));
        assertEquals("cfg", h.value("fd.nameraw"));
    }

    @Test
    void failedOpensLikeLibsinsp() {
        Harness h = proc().feed(sys(70, "openat", -13, "dirfd", -100, "name", "/etc/shadow", "flags", 0));
        assertEquals(-1L, h.value("fd.num"));
        assertEquals("/etc/shadow", h.value("fd.name"));
        assertEquals("/etc", h.value("fd.directory"));
        assertEquals("f", h.value("fd.typechar"));
        assertNull(h.value("fd.type"), "no fd-table entry: only the path-derived fields have values");
        assertNull(h.value("fd.l4proto"));
        assertNull(h.value("fd.connected"));
        h.feed(sys(70, "open", -2, "name", "/etc/nope", "flags", 0));
        assertEquals("o", h.value("fd.typechar"), "libsinsp quirk: failed legacy open is 'o'");
        assertEquals(-1L, h.value("fd.num"));
    }

    @Test
    void directoryOpen() {
        Harness h = proc().feed(sys(70, "openat", 7, "dirfd", -100, "name", "/etc", "flags", 0200000));
        assertEquals("directory", h.value("fd.type"));
        assertEquals("d", h.value("fd.typechar"));
        assertEquals("/etc", h.value("fd.directory"), "a directory fd's directory is itself");
        assertNull(h.value("fd.filename"), "only files have a file name");
        h.feed(sys(70, "openat", 8, "dirfd", 7, "name", "passwd", "flags", 0));
        assertEquals("/etc/passwd", h.value("fd.name"), "relative to the dirfd's path");
    }

    @Test
    void clientSocketFields() {
        Harness h = proc().feed(
                sys(70, "socket", 3, "domain", 2, "type", 1, "proto", 0),
                sys(70, "connect", 0, "fd", 3, "addr", inet4("203.0.113.10", 443)));
        assertEquals("ipv4", h.value("fd.type"));
        assertEquals("4", h.value("fd.typechar"));
        assertEquals("tcp", h.value("fd.l4proto"));
        assertEquals("ip", h.value("fd.sockfamily"));
        assertEquals("203.0.113.10", h.value("fd.sip"));
        assertEquals(443L, h.value("fd.sport"));
        assertEquals("203.0.113.10", h.value("fd.rip"));
        assertEquals(443L, h.value("fd.rport"));
        assertNull(h.value("fd.cip"), "the local side of a connect is not observed");
        assertNull(h.value("fd.lport"));
        assertEquals("0.0.0.0:0->203.0.113.10:443", h.value("fd.name"));
        assertEquals("0.0.0.0:0->203.0.113.10:443", h.value("evt.arg.tuple"));
        assertEquals("203.0.113.10:443", h.value("evt.arg.addr"));
        assertEquals(false, h.value("fd.is_server"));
        assertEquals(true, h.value("fd.connected"));
        assertEquals(List.of("203.0.113.10"), h.value("fd.ip"));
        assertEquals(List.of(443L), h.value("fd.port"));
        assertTrue(FieldRegistry.standard().lookup("fd.net").matchesAnyElement(null));
        assertEquals("203.0.113.10", h.value("fd.snet"));
    }

    @Test
    void serverSocketFields() {
        Harness h = proc().feed(
                sys(70, "socket", 3, "domain", 2, "type", 1, "proto", 6),
                sys(70, "bind", 0, "fd", 3, "addr", inet4("0.0.0.0", 8080)),
                sys(70, "listen", 0, "fd", 3, "backlog", 16),
                sys(70, "accept4", 4, "sockfd", 3, "addr", inet4("198.51.100.7", 51234), "flags", 0));
        assertEquals(4L, h.value("fd.num"));
        assertEquals(true, h.value("fd.is_server"));
        assertEquals("198.51.100.7", h.value("fd.cip"));
        assertEquals(51234L, h.value("fd.cport"));
        assertEquals("0.0.0.0", h.value("fd.sip"));
        assertEquals(8080L, h.value("fd.sport"));
        assertEquals(8080L, h.value("fd.lport"));
        assertEquals("198.51.100.7", h.value("fd.rip"));
        assertEquals("198.51.100.7:51234->0.0.0.0:8080", h.value("fd.name"));
    }

    @Test
    void unixAndMemfdAndPipes() {
        Harness h = proc().feed(
                sys(70, "socket", 3, "domain", 1, "type", 1, "proto", 0),
                sys(70, "connect", 0, "fd", 3, "addr", unix("/run/docker.sock")));
        assertEquals("unix", h.value("fd.type"));
        assertEquals("u", h.value("fd.typechar"));
        assertEquals("/run/docker.sock", h.value("fd.name"));
        assertEquals("unix", h.value("fd.sockfamily"));
        h.feed(sys(70, "memfd_create", 9, "name", "payload", "flags", 1));
        assertEquals("memfd:payload", h.value("fd.name"));
        assertEquals("memfd", h.value("fd.type"));
        assertEquals("m", h.value("fd.typechar"));
        h.feed(sys(70, "pipe2", 0, "fds", new io.pdig.model.event.ArgValue.FdPair(10, 11), "flags", 0),
                sys(70, "fcntl", 0, "fd", 10, "cmd", 1));
        assertEquals("pipe", h.value("fd.type"));
        assertEquals("p", h.value("fd.typechar"));
    }

    @Test
    void nameChangedOnlyOnTheEventThatChangedIt() {
        Harness h = proc().feed(
                sys(70, "socket", 3, "domain", 2, "type", 2, "proto", 0),
                sys(70, "sendto", 10, "fd", 3, "size", 10, "addr", inet4("8.8.8.8", 53)));
        assertEquals(true, h.value("fd.name_changed"));
        assertEquals("udp", h.value("fd.l4proto"));
        h.feed(sys(70, "sendto", 10, "fd", 3, "size", 10, "addr", inet4("8.8.8.8", 53)));
        assertEquals(false, h.value("fd.name_changed"), "same peer: unchanged");
    }

    @Test
    void eventWithoutFdHasNoFdFields() {
        Harness h = proc().feed(sys(70, "execve", 0, "filename", "/bin/true"));
        assertNull(h.value("fd.name"));
        assertNull(h.value("fd.num"));
        assertNull(h.value("fd.type"));
    }

    /**
     * fd.uid chains the thread id and fd.num as libsinsp does (no separator); fd.containername and
     * fd.containerdirectory chain container.id, ':' and fd.name or fd.directory.
     */
    @Test
    void uidAndContainerChainings() {
        Harness h = proc().feed(thread(T0, 70, 71), sys(T0, 70, 71, "openat", 5, "dirfd", -100, "name", "x.log", "flags", 0));
        assertEquals("715", h.value("fd.uid"), "thread 71, fd 5");
        assertEquals("host:/srv/app/x.log", h.value("fd.containername"));
        assertEquals("host:/srv/app", h.value("fd.containerdirectory"));
        h.feed(sys(T0, 70, 70, "openat", -2, "dirfd", -100, "name", "/etc/nope", "flags", 0));
        assertEquals("70-1", h.value("fd.uid"), "a failed open's fd.num is -1");
        assertEquals("host:/etc/nope", h.value("fd.containername"));
        assertEquals("host:/etc", h.value("fd.containerdirectory"));
        h.feed(sys(T0, 70, 70, "getpid", 70));
        assertNull(h.value("fd.uid"), "no fd");
        assertNull(h.value("fd.containername"));

        String id = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";
        Harness c = new Harness().feed(exec(80, "/usr/bin/nc", "nc").cwd("/")
                        .cgroup("0::/system.slice/docker-" + id + ".scope\n").build(),
                sys(T0, 80, 80, "socket", 3, "domain", 2, "type", 1, "proto", 0),
                sys(T0, 80, 80, "connect", 0, "fd", 3, "addr", inet4("10.0.0.9", 443)));
        assertEquals("3ad7b26ded6d", c.value("container.id"));
        assertEquals("803", c.value("fd.uid"));
        assertEquals("3ad7b26ded6d:" + c.value("fd.name"), c.value("fd.containername"));
        assertNull(c.value("fd.containerdirectory"), "a socket has no directory");
        c.feed(sys(T0, 80, 80, "openat", 4, "dirfd", -100, "name", "/etc", "flags", 0200000));
        assertEquals("3ad7b26ded6d:/etc", c.value("fd.containerdirectory"), "a directory fd's directory is itself");
    }
}
