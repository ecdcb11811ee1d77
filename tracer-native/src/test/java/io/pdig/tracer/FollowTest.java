package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FollowTest {

    @Test
    void forksAndExecsOfAShellAreFollowedWithCorrectPids() throws Exception {
        CollectingSink sink = new CollectingSink();
        Termination t = LaunchTest.run(LaunchTest.spec(Set.of("openat", "execve", "clone", "wait4"),
                "/bin/sh", "-c", "/bin/cat /etc/hostname > /dev/null; (/bin/true); exit 7"), sink);
        assertEquals(Termination.exited(7), t, sink.dump());
        List<ProcessEvent.Spawn> spawns = sink.of(ProcessEvent.Spawn.class);
        assertTrue(spawns.size() >= 2, sink.dump());
        List<ProcessEvent.Exec> execs = sink.of(ProcessEvent.Exec.class);
        List<String> exes = execs.stream().map(e -> CollectingSink.str(e.exePath())).collect(Collectors.toList());
        assertTrue(exes.contains("/usr/bin/cat") && exes.contains("/usr/bin/true"), exes.toString());
        int shPid = execs.get(0).pid();
        for (ProcessEvent.Spawn s : spawns) {
            assertFalse(s.thread());
            assertEquals(s.tid(), s.pid());
        }
        ProcessEvent.Exec cat = execs.stream().filter(e -> CollectingSink.str(e.exePath()).equals("/usr/bin/cat")).findFirst().get();
        assertNotEquals(shPid, cat.pid());
        assertEquals(shPid, cat.ppid(), "cat's parent is the shell");
        assertTrue(spawns.stream().anyMatch(s -> s.tid() == cat.pid() && s.parentPid() == shPid), sink.dump());
        // The child's open is attributed to the child, and comes after its Spawn event.
        SyscallEvent open = sink.syscalls("openat").stream()
                .filter(e -> "/etc/hostname".equals(CollectingSink.raw(e.arg("name")))).findFirst().orElseThrow();
        assertEquals(cat.pid(), open.pid());
        int spawnIdx = sink.events.indexOf(spawns.stream().filter(s -> s.tid() == cat.pid()).findFirst().get());
        assertTrue(spawnIdx < sink.events.indexOf(open));
        // Every process exit is reported.
        Set<Integer> exited = sink.of(ProcessEvent.Exit.class).stream().map(ProcessEvent.Exit::pid).collect(Collectors.toSet());
        assertTrue(exited.contains(shPid) && exited.contains(cat.pid()), sink.dump());
    }

    @Test
    void relativePathsResolveAgainstTheWorkDirAndDirfd(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/f.txt"), "x");
        CollectingSink sink = new CollectingSink();
        LaunchSpec spec = new LaunchSpec(List.of("/bin/sh", "-c", "cat sub/./f.txt; cd sub && cat ../sub/f.txt"), dir, null,
                Set.of("openat", "chdir"), false, false, 4096, true);
        try (TraceSession s = new PtraceDriver().launch(spec, sink)) {
            assertEquals(Termination.exited(0), s.awaitTermination());
        }
        String real = dir.toRealPath().resolve("sub/f.txt").toString();
        List<SyscallEvent> opens = sink.syscalls("openat").stream()
                .filter(e -> CollectingSink.raw(e.arg("name")).endsWith("f.txt")).collect(Collectors.toList());
        assertEquals(2, opens.size(), sink.dump());
        for (SyscallEvent e : opens) {
            assertEquals(real, CollectingSink.resolved(e.arg("name")), sink.dump());
        }
        assertEquals("sub/./f.txt", CollectingSink.raw(opens.get(0).arg("name")));
        SyscallEvent cd = sink.syscalls("chdir").get(0);
        assertEquals(dir.toRealPath().resolve("sub").toString(), CollectingSink.resolved(cd.arg("path")));
    }

    @Test
    void unreadableAndNullPointersAreMarkedNotThrown() throws Exception {
        CollectingSink sink = new CollectingSink();
        // A failed open of a missing file has no fd: the entry-time resolution stays.
        Termination t = LaunchTest.run(LaunchTest.spec(Set.of("openat"), "/bin/cat", "/nonexistent/x"), sink);
        assertEquals(Termination.exited(1), t);
        SyscallEvent open = sink.syscalls("openat").stream()
                .filter(e -> "/nonexistent/x".equals(CollectingSink.raw(e.arg("name")))).findFirst().orElseThrow();
        assertEquals(-2, open.res(), "ENOENT");
        assertEquals("/nonexistent/x", CollectingSink.resolved(open.arg("name")));
        assertTrue(open.failed());
    }

    @Test
    void pipeFdsAreReadAtExit() throws Exception {
        CollectingSink sink = new CollectingSink();
        Termination t = LaunchTest.run(LaunchTest.spec(Set.of("pipe2", "pipe"), "/bin/sh", "-c", "echo hi | /bin/cat >/dev/null"), sink);
        assertEquals(Termination.exited(0), t);
        List<SyscallEvent> pipes = sink.syscalls("pipe2");
        pipes.addAll(sink.syscalls("pipe"));
        assertFalse(pipes.isEmpty(), sink.dump());
        ArgValue fds = pipes.get(0).arg("fds");
        assertTrue(fds instanceof ArgValue.FdPair p && p.first() >= 0 && p.second() > p.first(), String.valueOf(fds));
    }
}
