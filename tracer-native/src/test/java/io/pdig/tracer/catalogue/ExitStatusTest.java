package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Catalogue A: the main tracee's exit status reaches the session's {@link Termination}. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ExitStatusTest {

    /** A1: codes are mirrored exactly; _exit(256) is truncated to 0 by the kernel. */
    @ParameterizedTest
    @CsvSource({"42,42", "0,0", "1,1", "255,255", "256,0"})
    void a1NormalExitCodeIsMirrored(int requested, int expected) throws Exception {
        Traced t = Tracing.program("exit_code", Integer.toString(requested)).plus("exit_group").run(10_000);
        Termination term = t.termination();
        assertEquals(expected, term.exitCode(), "exit code; " + term);
        assertEquals(0, term.signal());
        assertFalse(term.detached());
        List<ProcessEvent.Exit> exits = t.exits(t.mainPid());
        assertEquals(1, exits.size(), "one exit event for the main pid:\n" + t.describeEvents());
        assertEquals(expected, exits.get(0).exitCode());
        assertEquals(0, exits.get(0).signal());
        List<SyscallEvent> eg = t.syscalls("exit_group");
        assertEquals(1, eg.size(), "exit_group journalled once:\n" + t.describeEvents());
        assertEquals(t.mainPid(), eg.get(0).pid());
        assertEquals(requested, ((ArgValue.Num) eg.get(0).arg("status")).value());
    }

    /** A2/B6: killed by a signal; the termination and the exit event carry the signal itself. */
    @ParameterizedTest
    @ValueSource(ints = {15, 11, 6, 9})
    void a2KilledBySignal(int sig) throws Exception {
        Traced t = Tracing.program("sig", Integer.toString(sig)).run(10_000);
        Termination term = t.termination();
        assertEquals(sig, term.signal(), "terminating signal; " + term + "\n" + t.output());
        assertEquals(-1, term.exitCode());
        assertFalse(t.output().contains("survived"), t.output());
        List<ProcessEvent.Exit> exits = t.exits(t.mainPid());
        assertEquals(1, exits.size(), t.describeEvents());
        assertEquals(sig, exits.get(0).signal());
    }

    /** A3: a core dump is reported as such, and the tracee's core file is really written. */
    @Test
    void a3CoreDumpFlag() throws Exception {
        Traced t = Tracing.program("sig", "11", "core").run(20_000);
        Termination term = t.termination();
        assertEquals(11, term.signal(), term.toString());
        assertTrue(term.coreDumped(), "core dumped flag; " + term);
        assertTrue(t.exits(t.mainPid()).get(0).coreDumped(), t.describeEvents());
        try (Stream<java.nio.file.Path> s = Files.list(t.dir)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("core")),
                    "a core file in the tracee's cwd (core_pattern 'core')");
        }
    }

    /** A5: the status is the initial command's; with waitForOrphans the session outlives it. */
    @Test
    void a5StatusOfInitialCommandWhileDescendantLivesOn() throws Exception {
        long t0 = System.nanoTime();
        Traced t = Tracing.rawCommand("/bin/sh", "-c", "(setsid sleep 2.5 &); exit 3").waitForOrphans(true).run(15_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(3, t.termination().exitCode(), t.termination().toString());
        assertTrue(ms >= 2400, "waited for the daemonised sleep (strace -f policy), took " + ms + " ms");
    }

    @Test
    void a5WithoutWaitingForOrphansEndsWithTheMainProcess() throws Exception {
        long t0 = System.nanoTime();
        Traced t = Tracing.rawCommand("/bin/sh", "-c", "(setsid sleep 2.5 &); exit 3").waitForOrphans(false).run(15_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(3, t.termination().exitCode(), t.termination().toString());
        assertTrue(ms < 2000, "did not wait for the orphan, took " + ms + " ms");
    }

    /** A6: exit_group while other threads sit in traced syscalls: the group code wins. */
    @RepeatedTest(5)
    void a6ExitGroupWhileThreadsAreInTracedSyscalls() throws Exception {
        Traced t = Tracing.program("exit_race", "2").run(15_000);
        assertEquals(new Termination(7, 0, false, false), t.termination(), t.output());
    }

    /** A7: the leader exits by thread exit (5), a worker later calls exit_group(9). */
    @Test
    void a7LeaderThreadExitsFirst() throws Exception {
        long t0 = System.nanoTime();
        Traced t = Tracing.program("leader_exit").run(10_000);
        assertEquals(9, t.termination().exitCode(), t.termination() + "\n" + t.output());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "no hang on the leader");
    }

    /** A8: the first exec fails: a quick failure (exception or non-zero exit), never a hang. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/nonexistent/pdig-catalogue"})
    void a8FirstExecFails(String path) throws Exception {
        long t0 = System.nanoTime();
        Traced t;
        try {
            t = Tracing.rawCommand(path).run(5_000);
        } catch (DriverException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an actionable message");
            return;
        }
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
        assertNotEquals(0, t.termination().exitCode(), t.termination().toString());
        List<SyscallEvent> ex = t.syscalls("execve");
        assertFalse(ex.isEmpty(), "the failed execve is journalled:\n" + t.describeEvents());
        long res = ex.get(ex.size() - 1).res();
        assertTrue(res == -13 || res == -2, "EACCES or ENOENT, got " + res);
    }
}
