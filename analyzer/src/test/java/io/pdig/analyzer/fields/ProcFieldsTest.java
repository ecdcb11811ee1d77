package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.SessionEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcFieldsTest {

    /** systemd(1) -> sshd(100) -> bash(200) -> fork 300 -> exec cat /etc/shadow; then an openat by 300. */
    private static Harness lineage() {
        SessionEvent.ProcessSnapshot init = new SessionEvent.ProcessSnapshot(
                exec(1, "/usr/lib/systemd/systemd", "/sbin/init").ts(T0 - 9_000_000_000L).sid(1).build(), Map.of());
        SessionEvent.ProcessSnapshot sshd = new SessionEvent.ProcessSnapshot(
                exec(100, "/usr/sbin/sshd", "sshd: alice [priv]").ppid(1).sid(100).build(), Map.of());
        SessionEvent.ProcessSnapshot bash = new SessionEvent.ProcessSnapshot(
                exec(200, "/usr/bin/bash", "-bash").ppid(100).sid(200).tty(34816).loginUid(1000).build(), Map.of());
        Harness h = new Harness();
        h.feed(start("box", init, sshd, bash),
                fork(T0, 200, 300),
                exec(300, "/usr/bin/cat", "cat", "/etc/shadow").ts(T0 + 1_000).ppid(200).sid(200).tty(34816)
                        .loginUid(1000).env("HOME=/root", "LANG=C").cwd("/root").build(),
                sys(T0 + 6_000_000_000L, 300, 300, "openat", 3, "dirfd", -100, "name", "/etc/shadow", "flags", 0));
        return h;
    }

    @Test
    void identityAndCommandLine() {
        Harness h = lineage();
        assertEquals(300L, h.value("proc.pid"));
        assertEquals(200L, h.value("proc.ppid"));
        assertEquals("cat", h.value("proc.name"));
        assertEquals("cat", h.value("proc.exe"));
        assertEquals("/usr/bin/cat", h.value("proc.exepath"));
        assertEquals("/etc/shadow", h.value("proc.args"));
        assertEquals("cat /etc/shadow", h.value("proc.cmdline"));
        assertEquals("/root/", h.value("proc.cwd"), "libsinsp keeps the trailing slash");
        assertEquals(34816L, h.value("proc.tty"));
        assertEquals("HOME=/root LANG=C", h.value("proc.env"));
        assertEquals("C", h.value("proc.env[LANG]"));
        assertNull(h.value("proc.env[NOPE]"));
    }

    @Test
    void parentAndAncestors() {
        Harness h = lineage();
        assertEquals("bash", h.value("proc.pname"));
        assertEquals("-bash", h.value("proc.pexe"));
        assertEquals("/usr/bin/bash", h.value("proc.pexepath"));
        assertEquals("bash", h.value("proc.pcmdline"));
        assertEquals("cat", h.value("proc.aname[0]"));
        assertEquals("bash", h.value("proc.aname[1]"));
        assertEquals("sshd", h.value("proc.aname[2]"));
        assertEquals("systemd", h.value("proc.aname[3]"));
        assertNull(h.value("proc.aname[4]"), "past the known lineage there is no value");
        assertEquals(List.of("bash", "sshd", "systemd"), h.value("proc.aname"));
        assertEquals(List.of(200L, 100L, 1L), h.value("proc.apid"));
        assertEquals("/usr/sbin/sshd", h.value("proc.aexepath[2]"));
        assertTrue(FieldRegistry.standard().lookup("proc.aname").matchesAnyElement(null));
        assertFalse(FieldRegistry.standard().lookup("proc.aname").matchesAnyElement("2"));
    }

    @Test
    void sessionGroupAndDuration() {
        Harness h = lineage();
        assertEquals(200L, h.value("proc.sid"));
        assertEquals("bash", h.value("proc.sname"), "session leader is bash (pid == sid)");
        assertEquals(false, h.value("proc.is_sid_leader"));
        assertEquals(true, h.value("proc.is_vpgid_leader"), "exec builder gives pgid == pid");
        assertEquals(300L, h.value("proc.vpid"), "on the host vpid is the pid");
        assertEquals(6_000_000_000L, h.value("proc.duration"), "event time minus fork time");
        assertEquals(200L, h.value("proc.loginshellid"));
        assertEquals(false, h.value("proc.is_exe_from_memfd"));
        assertNull(h.value("proc.is_exe_writable"));
        assertNull(h.value("proc.exe_ino.ctime"));
    }

    @Test
    void sessionLeaderGoneFallsBackToTheHighestAncestorInTheSession() {
        Harness h = new Harness().feed(
                exec(500, "/usr/bin/tmux", "tmux").sid(400).pgid(500).build(),
                fork(T0, 500, 501),
                exec(501, "/usr/bin/zsh", "zsh").ppid(500).sid(400).pgid(501).build(),
                sys(501, "getpid", 501));
        assertEquals("tmux", h.value("proc.sname"), "no process 400: highest ancestor with sid 400");
        assertEquals("zsh", h.value("proc.vpgid.name"), "group leader is itself");
        assertEquals(501L, h.value("proc.loginshellid"), "zsh ends in sh; tmux does not");
    }

    @Test
    void unknownProcessHasNoValues() {
        Harness h = new Harness();
        h.feed(sys(4242, "openat", 3, "dirfd", -100, "name", "/etc/hosts", "flags", 0));
        assertEquals(4242L, h.value("proc.pid"));
        assertNull(h.value("proc.name"));
        assertNull(h.value("proc.cmdline"));
        assertNull(h.value("proc.pname"));
        assertEquals(List.of(), h.value("proc.aname"));
        assertEquals(1, h.analyzer().counters().unknownProcesses());
    }

    @Test
    void commIsTruncatedTo15BytesAndRefinedFromTheExecutedPath() {
        Harness h = new Harness();
        h.feed(exec(10, "/usr/bin/python3.12", "python3", "/tmp/averyveryverylongscriptname.py").build(),
                sys(10, "execve", 0, "filename", "/tmp/averyveryverylongscriptname.py"));
        assertEquals("averyveryverylo", h.value("proc.name"), "comm = first 15 bytes of the executed path's basename");
        assertEquals("python3", h.value("proc.exe"));
        assertEquals("averyveryverylo /tmp/averyveryverylongscriptname.py", h.value("proc.cmdline"));
    }
}
