package io.pdig.analyzer.state;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessStateHandlerTest {

    @Test
    void forkCopiesExecFactsAndFdTable() {
        Harness h = new Harness().feed(
                exec(10, "/usr/bin/bash", "bash", "-c", "x").cwd("/tmp").uid(1000).tty(5).build(),
                sys(10, "openat", 3, "dirfd", -100, "name", "/etc/hosts", "flags", 0),
                fork(T0 + 5, 10, 11),
                sys(11, "close", 0, "fd", 3),
                sys(11, "getpid", 11));
        StateTables t = h.analyzer().state();
        ProcessInfo child = t.process(11);
        assertEquals(10, child.ppid());
        assertEquals("bash", child.comm());
        assertEquals("bash -c x", child.cmdline());
        assertEquals("/tmp", child.cwd());
        assertEquals(1000, child.euid());
        assertEquals(T0 + 5, child.startTs());
        assertNull(child.fds().get(3), "the child closed its copy");
        assertNotNull(t.process(10).fds().get(3), "the parent's table is a different table");
    }

    @Test
    void cloneFilesSharesTheFdTable() {
        Harness h = new Harness().feed(exec(20, "/bin/app", "app").build(),
                cloneWith(T0, 20, 21, ProcessStateHandler.CLONE_FILES),
                sys(21, "openat", 4, "dirfd", -100, "name", "/etc/motd", "flags", 0));
        assertSame(h.analyzer().state().process(20).fds(), h.analyzer().state().process(21).fds());
        assertEquals("/etc/motd", h.analyzer().state().process(20).fds().get(4).name());
    }

    @Test
    void threadsShareTheProcess() {
        Harness h = new Harness().feed(exec(30, "/bin/app", "app").build(), thread(T0, 30, 31),
                sys(T0, 30, 31, "chdir", 0, "path", "/var"));
        ProcessInfo p = h.analyzer().state().process(30);
        assertEquals("/var", p.cwd());
        assertTrue(p.threads().contains(31));
        assertNull(h.analyzer().state().process(31), "a thread is not a process");
        h.feed(new ProcessEvent.Exit(T0, 31, 30, 0, 0, false, true), sys(30, "getpid", 30));
        assertFalse(p.threads().contains(31));
        assertNotNull(h.analyzer().state().process(30));
    }

    @Test
    void leaderThreadExitKeepsTheProcessUntilItsLastThread() {
        Harness h = new Harness().feed(exec(32, "/bin/app", "app").build(), thread(T0, 32, 33),
                new ProcessEvent.Exit(T0, 32, 32, 0, 0, false, true), sys(T0, 32, 33, "getpid", 32));
        assertEquals("app", h.value("proc.name"), "pthread_exit of the leader: the process lives on");
        h.feed(new ProcessEvent.Exit(T0, 33, 32, 0, 0, false, true), sys(1, "getpid", 1));
        assertNull(h.analyzer().state().process(32), "its last thread left");
    }

    @Test
    void execReplacesImageAndClosesCloexecFds() {
        Harness h = new Harness().feed(exec(40, "/bin/sh", "sh").cwd("/").build(),
                sys(40, "openat", 3, "dirfd", -100, "name", "/etc/keep", "flags", 0),
                sys(40, "openat", 4, "dirfd", -100, "name", "/etc/drop", "flags", 02000000),
                sys(40, "fcntl", 0, "fd", 3, "cmd", 2, "arg", 0),
                exec(40, "/usr/bin/python3", "python3", "app.py").cwd("/srv").build(),
                sys(40, "execve", 0, "filename", "/usr/local/bin/app"));
        ProcessInfo p = h.analyzer().state().process(40);
        assertEquals("app", p.comm(), "comm comes from the path passed to execve");
        assertEquals("python3", p.exe());
        assertEquals("/usr/bin/python3", p.exePath());
        assertEquals("/srv", p.cwd());
        assertNotNull(p.fds().get(3));
        assertNull(p.fds().get(4), "O_CLOEXEC fd closed by exec");
    }

    @Test
    void exitIsDeferredUntilTheNextEvent() {
        Harness h = new Harness().feed(exec(50, "/bin/sh", "sh").build(), fork(T0, 50, 51),
                exec(51, "/bin/true", "true").build(), exit(T0, 51));
        assertNotNull(h.analyzer().state().process(51), "still there while rules look at the exit");
        h.feed(sys(50, "wait4", 51, "pid", -1));
        assertNull(h.analyzer().state().process(51));
    }

    @Test
    void orphansAreReparentedToInit() {
        Harness h = new Harness().feed(
                start("h", new SessionEvent.ProcessSnapshot(exec(1, "/sbin/init", "init").build(), Map.of())),
                exec(60, "/bin/sh", "sh").ppid(1).build(), fork(T0, 60, 61), exit(T0, 60), sys(61, "getpid", 61));
        assertEquals(1, h.analyzer().state().process(61).ppid());
        assertEquals("init", h.value("proc.pname"));
    }

    @Test
    void sessionAndGroupChanges() {
        Harness h = new Harness().feed(exec(70, "/bin/sh", "sh").sid(1).pgid(1).build(), sys(70, "setsid", 70));
        ProcessInfo p = h.analyzer().state().process(70);
        assertEquals(70, p.sid());
        assertEquals(70, p.pgid());
        h.feed(fork(T0, 70, 71), sys(70, "setpgid", 0, "pid", 71, "pgid", 0));
        assertEquals(71, h.analyzer().state().process(71).pgid());
    }

    @Test
    void credentialChanges() {
        Harness h = new Harness().feed(exec(80, "/bin/sh", "sh").uid(0).build(),
                sys(80, "setresuid", 0, "ruid", -1, "euid", 1000, "suid", -1));
        ProcessInfo p = h.analyzer().state().process(80);
        assertArrayEquals(new int[] {0, 1000, 0, 1000}, p.uids());
        h.feed(sys(80, "setuid", -1, "uid", 5));
        assertEquals(1000, p.euid(), "failed calls change nothing");
    }

    @Test
    void snapshotsBuildProcessesWithFds() {
        Harness h = new Harness().feed(start("attached-host", new SessionEvent.ProcessSnapshot(
                exec(90, "/usr/sbin/nginx", "nginx").build(),
                Map.of(0, bytes("/dev/null"), 5, bytes("socket:[1234]"), 6, bytes("pipe:[99]"),
                        7, bytes("anon_inode:[eventpoll]"), 8, bytes("/memfd:blob (deleted)")))));
        ProcessInfo p = h.analyzer().state().process(90);
        assertEquals("nginx", p.comm());
        assertEquals("attached-host", h.analyzer().state().hostname());
        assertEquals(FdKind.FILE, p.fds().get(0).kind());
        assertEquals(FdKind.UNKNOWN, p.fds().get(5).kind());
        assertEquals(FdKind.PIPE, p.fds().get(6).kind());
        assertEquals(FdKind.EVENTPOLL, p.fds().get(7).kind());
        assertEquals("memfd:blob", p.fds().get(8).name());
    }

    /**
     * What `pdig attach` journals for the process it attached to: the session start's snapshot, the
     * exec standing in for the one never seen, then a Spawn without parent announcing the process.
     * The announcement must not wipe what the two before it said.
     */
    @Test
    void attachAnnouncementKeepsTheSnapshotsImageAndFds() {
        Harness h = new Harness().feed(start("attached-host", new SessionEvent.ProcessSnapshot(
                        exec(95, "/usr/sbin/nginx", "nginx").ppid(1).build(), Map.of(5, bytes("/etc/nginx/nginx.conf")))),
                exec(95, "/usr/sbin/nginx", "nginx", "-g", "daemon off;").ppid(1).build(),
                new ProcessEvent.Spawn(T0, 95, 95, 0, 0, 0, false),
                sys(95, "getpid", 95));
        ProcessInfo p = h.analyzer().state().process(95);
        assertEquals("nginx", h.value("proc.name"));
        assertEquals("nginx -g daemon off;", p.cmdline());
        assertEquals(1, p.ppid());
        assertEquals("/etc/nginx/nginx.conf", p.fds().get(5).name());
    }

    /** A snapshot whose exe link could not be read (empty path): the name comes from argv[0], not "". */
    @Test
    void anUnreadableExeTakesItsNameFromArgv0() {
        Harness h = new Harness().feed(start("h",
                        new SessionEvent.ProcessSnapshot(exec(1, "", "/process_api", "--init").build(), Map.of())),
                exec(97, "/bin/sh", "sh").ppid(1).build(), sys(97, "getpid", 97));
        assertEquals("process_api", h.analyzer().state().process(1).comm());
        assertEquals("process_api", h.value("proc.pname"));
        assertEquals("", h.analyzer().state().process(1).exePath(), "the path stays unknown");
    }

    @Test
    void execWithoutExitStopStillRefinesCommButAFailedOneDoesNot() {
        Harness h = new Harness().feed(exec(96, "/usr/bin/busybox", "ls").build());
        io.pdig.model.event.SyscallEvent e = sys(96, "execve", 0, "filename", "/bin/ls");
        h.feed(new io.pdig.model.event.SyscallEvent(e.ts(), 96, 96, e.abi(), e.nr(), 0, false, e.args()));
        assertEquals("ls", h.value("proc.name"));
        assertEquals("SUCCESS", h.value("evt.res"), "the Exec proves the success");
        assertEquals(0L, h.value("evt.rawres"));
        h.feed(sys(96, "execve", -2, "filename", "/bin/nope"));
        assertEquals("ls", h.value("proc.name"), "a failed exec changes nothing");
        h.feed(new io.pdig.model.event.SyscallEvent(e.ts(), 96, 96, e.abi(), e.nr(), 0, false,
                sys(96, "execve", 0, "filename", "/bin/other").args()));
        assertEquals("ls", h.value("proc.name"), "no Exec before it: the exec did not happen (yet)");
        assertNull(h.value("evt.res"));
    }

    @Test
    void fexecveNamesTheTaskAfterTheFd() {
        Harness h = new Harness().feed(exec(95, "/memfd:x (deleted)", "x").memfd(true).build(),
                sys(95, "execveat", 0, "dirfd", 7, "pathname", "", "flags", 0x1000));
        assertEquals("7", h.value("proc.name"));
        assertEquals(true, h.value("proc.is_exe_from_memfd"));
    }
}
