package io.pdig.analyzer.state;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.ArgValue;
import org.junit.jupiter.api.Test;

class FdStateHandlerTest {

    private static Harness proc() {
        return new Harness().feed(exec(10, "/bin/app", "app").cwd("/home").build());
    }

    private static FdTable fds(Harness h) {
        return h.analyzer().state().process(10).fds();
    }

    @Test
    void openFamily() {
        Harness h = proc().feed(
                sys(10, "open", 3, "name", "a", "flags", 0),
                sys(10, "openat2", 4, "dirfd", -100, "name", "/etc/b", "how", new ArgValue.Words(new long[] {02000001, 0, 0})),
                sys(10, "creat", 5, "name", "/tmp/c", "mode", 0600));
        assertEquals("/home/a", fds(h).get(3).name());
        assertTrue(fds(h).get(4).cloexec());
        assertEquals(02000001, fds(h).get(4).openFlags());
        assertEquals(01101, fds(h).get(5).openFlags(), "creat = O_CREAT|O_WRONLY|O_TRUNC");
        assertEquals(3, fds(h).size());
    }

    @Test
    void closeIsDeferredAndSeenByTheCloseEvent() {
        Harness h = proc().feed(sys(10, "openat", 3, "dirfd", -100, "name", "/etc/x", "flags", 0),
                sys(10, "close", 0, "fd", 3));
        assertEquals("/etc/x", h.value("fd.name"), "the close event still sees the fd");
        assertNotNull(fds(h).get(3));
        h.feed(sys(10, "getpid", 10));
        assertNull(fds(h).get(3));
    }

    @Test
    void closeWithoutExitStopStillCloses() {
        Harness h = proc().feed(sys(10, "openat", 3, "dirfd", -100, "name", "/etc/x", "flags", 0));
        io.pdig.model.event.SyscallEvent close = sys(10, "close", 0, "fd", 3);
        h.feed(new io.pdig.model.event.SyscallEvent(close.ts(), 10, 10, close.abi(), close.nr(), 0, false, close.args()),
                sys(10, "getpid", 10));
        assertNull(fds(h).get(3));
    }

    @Test
    void reuseOfAClosedNumberInTheNextEventIsNotLost() {
        Harness h = proc().feed(sys(10, "openat", 3, "dirfd", -100, "name", "/a", "flags", 0),
                sys(10, "close", 0, "fd", 3),
                sys(10, "openat", 3, "dirfd", -100, "name", "/b", "flags", 0));
        assertEquals("/b", fds(h).get(3).name());
        h.feed(sys(10, "getpid", 10));
        assertEquals("/b", fds(h).get(3).name());
    }

    @Test
    void closeRange() {
        Harness h = proc();
        for (int fd = 3; fd <= 6; fd++) {
            h.feed(sys(10, "openat", fd, "dirfd", -100, "name", "/f" + fd, "flags", 0));
        }
        h.feed(sys(10, "close_range", 0, "fd", 5, "max_fd", 0xffffffffL, "flags", 4));
        assertTrue(fds(h).get(5).cloexec());
        assertFalse(fds(h).get(4).cloexec());
        h.feed(sys(10, "close_range", 0, "fd", 3, "max_fd", 4, "flags", 0), sys(10, "getpid", 10));
        assertNull(fds(h).get(3));
        assertNull(fds(h).get(4));
        assertNotNull(fds(h).get(5));
    }

    @Test
    void dupFamily() {
        Harness h = proc().feed(sys(10, "openat", 3, "dirfd", -100, "name", "/log", "flags", 02000000),
                sys(10, "dup", 4, "fd", 3),
                sys(10, "dup2", 1, "oldfd", 3, "newfd", 1),
                sys(10, "dup3", 7, "oldfd", 3, "newfd", 7, "flags", 02000000),
                sys(10, "fcntl", 8, "fd", 3, "cmd", 1030));
        assertEquals("/log", fds(h).get(4).name());
        assertFalse(fds(h).get(4).cloexec(), "dup clears close-on-exec");
        assertEquals("/log", fds(h).get(1).name());
        assertTrue(fds(h).get(7).cloexec());
        assertTrue(fds(h).get(8).cloexec());
        assertEquals(8, fds(h).get(8).num());
        h.feed(sys(10, "dup2", 1, "oldfd", 3, "newfd", 1));
        assertEquals(3L, h.value("fd.num"), "a dup event is about the old fd, as in libsinsp");
    }

    /** F_SETFD arrives without a result (its exit stop is skipped) and still sets close-on-exec. */
    @Test
    void fcntlSetFdWithoutResultSetsCloseOnExec() {
        Harness h = proc().feed(sys(10, "openat", 3, "dirfd", -100, "name", "/dir", "flags", 0),
                entryOnly(sys(10, "fcntl", 0, "fd", 3, "cmd", 2, "arg", 1)));
        assertTrue(fds(h).get(3).cloexec());
        h.feed(entryOnly(sys(10, "fcntl", 0, "fd", 3, "cmd", 2, "arg", 0)));
        assertFalse(fds(h).get(3).cloexec());
        h.feed(sys(10, "fcntl", -9, "fd", 3, "cmd", 2, "arg", 1));
        assertFalse(fds(h).get(3).cloexec(), "a failure seen with --trace-exits changes nothing");
        h.feed(entryOnly(sys(10, "fcntl", 0, "fd", 9, "cmd", 2, "arg", 1)));
        assertNull(fds(h).get(9), "an fd the table does not hold is not created");
        h.feed(entryOnly(sys(10, "fcntl", 0, "fd", 3, "cmd", 2, "arg", 1)), exec(10, "/bin/next", "next").build());
        assertNull(fds(h).get(3), "closed by the exec");
    }

    @Test
    void anonymousFds() {
        Harness h = proc().feed(sys(10, "eventfd2", 3, "initval", 0, "flags", 0),
                sys(10, "signalfd4", 4, "fd", -1, "size", 8, "flags", 0),
                sys(10, "timerfd_create", 5, "clockid", 1, "flags", 0),
                sys(10, "inotify_init1", 6, "flags", 0),
                sys(10, "epoll_create1", 7, "flags", 02000000),
                sys(10, "userfaultfd", 8, "flags", 0),
                sys(10, "io_uring_setup", 9, "entries", 8),
                sys(10, "pidfd_open", 11, "pid", 10),
                sys(10, "bpf", 12, "cmd", 5));
        assertEquals(FdKind.EVENT, fds(h).get(3).kind());
        assertEquals(FdKind.SIGNALFD, fds(h).get(4).kind());
        assertEquals(FdKind.TIMERFD, fds(h).get(5).kind());
        assertEquals(FdKind.INOTIFY, fds(h).get(6).kind());
        assertEquals(FdKind.EVENTPOLL, fds(h).get(7).kind());
        assertTrue(fds(h).get(7).cloexec());
        assertEquals(FdKind.USERFAULTFD, fds(h).get(8).kind());
        assertEquals(FdKind.IO_URING, fds(h).get(9).kind());
        assertEquals(FdKind.PIDFD, fds(h).get(11).kind());
        assertEquals(FdKind.BPF, fds(h).get(12).kind());
        assertEquals("io_uring", FdKind.IO_URING.typeName);
    }

    @Test
    void pipesAndMemfd() {
        Harness h = proc().feed(sys(10, "pipe2", 0, "fds", new ArgValue.FdPair(3, 4), "flags", 02000000),
                sys(10, "memfd_create", 5, "name", "x", "flags", 0));
        assertEquals(FdKind.PIPE, fds(h).get(3).kind());
        assertTrue(fds(h).get(4).cloexec());
        assertEquals("memfd:x", fds(h).get(5).name());
    }

    @Test
    void failedCallsDoNotChangeTheTable() {
        Harness h = proc().feed(sys(10, "openat", -2, "dirfd", -100, "name", "/nope", "flags", 0),
                sys(10, "dup", -9, "fd", 42));
        assertEquals(0, fds(h).size());
    }

    @Test
    void fdTablesAreBounded() {
        Harness h = new Harness(UserDirectory.rootOnly(), new StateLimits(100, 4)).feed(exec(10, "/bin/app", "app").build());
        for (int fd = 3; fd < 10; fd++) {
            h.feed(sys(10, "openat", fd, "dirfd", -100, "name", "/f" + fd, "flags", 0));
        }
        assertEquals(4, fds(h).size());
        assertEquals(3, h.analyzer().counters().fdEvictions());
        assertNull(fds(h).get(3), "least recently used evicted first");
        assertNotNull(fds(h).get(9));
    }
}
