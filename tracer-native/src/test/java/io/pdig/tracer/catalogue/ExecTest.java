package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Catalogue E: execve edge cases. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ExecTest {

    /** E1: exec from a non-leader thread: the process keeps its pid, formerTid names the thread. */
    @Test
    void e1ExecFromNonLeaderThread() throws Exception {
        Traced t = Tracing.program("thread_exec", "one").plus("nanosleep", "clock_nanosleep").run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int pid = t.mainPid();
        int former = SignalTest.group(t.output(), "exec from (\\d+)");
        assertTrue(t.output().contains("after pid " + pid + " tid " + pid + " former " + former), t.output());
        assertAfterExecSingleThreaded(t, pid, former);
        // The leader's 123 s sleep was cut short by the exec: journalled without a result ("= ?").
        List<SyscallEvent> sleeps = t.events(SyscallEvent.class).stream()
                .filter(e -> e.tid() == pid && (e.name().equals("nanosleep") || e.name().equals("clock_nanosleep")))
                .collect(Collectors.toList());
        assertEquals(1, sleeps.size(), "the leader's interrupted sleep:\n" + t.describeEvents());
        assertTrue(!sleeps.get(0).hasResult(), "superseded by the exec, no result: " + Events.describe(sleeps.get(0)));
    }

    /** E2: two threads exec at once: exactly one wins, and the tracer ends with one process. */
    @RepeatedTest(3)
    void e2TwoThreadsExecAtOnce() throws Exception {
        Traced t = Tracing.program("thread_exec", "two").run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int former = SignalTest.group(t.output(), "former (\\d+)");
        assertAfterExecSingleThreaded(t, t.mainPid(), former);
    }

    private static void assertAfterExecSingleThreaded(Traced t, int pid, int former) {
        List<Event> ev = t.events();
        List<ProcessEvent.Exec> threadExecs = t.events(ProcessEvent.Exec.class).stream()
                .filter(x -> x.formerTid() != x.pid()).collect(Collectors.toList());
        assertEquals(1, threadExecs.size(), "one exec from a non-leader thread:\n" + t.describeEvents());
        ProcessEvent.Exec x = threadExecs.get(0);
        assertEquals(pid, x.pid());
        assertEquals(pid, x.tid());
        assertEquals(former, x.formerTid());
        for (Event e : ev.subList(ev.indexOf(x) + 1, ev.size())) {
            if (e instanceof SyscallEvent s) {
                assertEquals(pid, s.pid(), "pid after exec: " + Events.describe(e));
                assertEquals(pid, s.tid(), "only the leader's tid after exec: " + Events.describe(e));
            }
        }
    }

    /** E3/E4: huge, NULL and invalid argv: results match the kernel's, values are marked. */
    @Test
    void e3e4ExecArgumentVectors() throws Exception {
        Traced t = Tracing.program("exec_args").run(30_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        String out = t.output();
        SyscallEvent bigOk = execOf(t, SignalTest.group(out, "case big-ok pid (\\d+) exit 0"));
        assertEquals(0, bigOk.res());
        ArgValue.StrList args = assertInstanceOf(ArgValue.StrList.class, bigOk.arg("args"));
        assertTrue(args.truncated() || args.cutItems().length > 0, "12 x 100 KiB argv is marked truncated");
        assertTrue(args.isCut(1), "an argument longer than the string limit is marked cut: " + Events.describe(bigOk));
        assertEquals("true", Events.strings(args.items()).get(0));

        assertEquals(-7, execOf(t, SignalTest.group(out, "case over pid (\\d+) errno 7")).res(), "E2BIG");
        assertEquals(-7, execOf(t, SignalTest.group(out, "case huge-string pid (\\d+) errno 7")).res(), "E2BIG");

        SyscallEvent nullArgv = execOf(t, SignalTest.group(out, "case null-argv pid (\\d+) exit 0"));
        assertEquals(0, nullArgv.res());
        assertTrue(nullArgv.arg("args") instanceof ArgValue.Null, "NULL argv: " + Events.describe(nullArgv));

        SyscallEvent empty = execOf(t, SignalTest.group(out, "case empty-argv pid (\\d+) exit 0"));
        assertEquals(0, empty.res());
        assertEquals(0, assertInstanceOf(ArgValue.StrList.class, empty.arg("args")).items().size());

        long badAddr = Long.parseUnsignedLong(out.replaceAll("(?s).*badargv 0x([0-9a-f]+).*", "$1"), 16);
        SyscallEvent bad = execOf(t, SignalTest.group(out, "case bad-argv pid (\\d+) errno 14"));
        assertEquals(-14, bad.res());
        ArgValue.Unreadable u = assertInstanceOf(ArgValue.Unreadable.class, bad.arg("args"), Events.describe(bad));
        assertEquals(badAddr, u.address());

        SyscallEvent badEl = execOf(t, SignalTest.group(out, "case bad-element pid (\\d+) errno 14"));
        assertEquals(-14, badEl.res());
        // As strace shows it: ["true", 0xADDR, "after"]: the element's pointer, and the reading goes on.
        long badElAddr = Long.parseUnsignedLong(out.replaceAll("(?s).*badelement 0x([0-9a-f]+).*", "$1"), 16);
        ArgValue.StrList withBad = assertInstanceOf(ArgValue.StrList.class, badEl.arg("args"), Events.describe(badEl));
        assertEquals(3, withBad.items().size(), Events.describe(badEl));
        assertFalse(withBad.truncated(), "the list ends at its NULL");
        assertEquals(List.of("true", "", "after"), Events.strings(withBad.items()));
        assertFalse(withBad.isUnreadable(0));
        assertTrue(withBad.isUnreadable(1));
        assertEquals(badElAddr, withBad.unreadableAddress(1));
    }

    private static SyscallEvent execOf(Traced t, int pid) {
        List<SyscallEvent> l = t.syscalls("execve").stream().filter(e -> e.pid() == pid).collect(Collectors.toList());
        assertEquals(1, l.size(), "one execve by " + pid + ":\n" + t.describeEvents());
        return l.get(0);
    }

    /**
     * E6: the exec snapshot shows the process as it was at its exec, even when the program changes
     * it at once: a program without libc whose first instruction makes the setsid() call. Traced
     * (default set) or not (only execve traced), the snapshot must not show the new session.
     */
    @ParameterizedTest
    @ValueSource(strings = {"default", "execve only"})
    void e6ExecSnapshotPrecedesTheProgramsFirstCall(String set) throws Exception {
        for (int round = 0; round < 3; round++) {
            Tracing tracing = Tracing.program("setsid_nolibc");
            if (set.equals("execve only")) tracing.syscalls(Set.of("execve"));
            Traced t = tracing.run(10_000);
            assertEquals(Termination.exited(0), t.termination(), t.output());
            List<ProcessEvent.Exec> execs = t.events(ProcessEvent.Exec.class).stream()
                    .filter(e -> e.pid() == t.mainPid() && new String(e.exePath()).endsWith("/setsid_nolibc"))
                    .collect(Collectors.toList());
            assertEquals(1, execs.size(), t.describeEvents());
            assertNotEquals(t.mainPid(), execs.get(0).sid(),
                    "round " + round + ": the snapshot shows the session setsid() made after the exec");
            if (set.equals("default")) {
                List<SyscallEvent> setsid = t.syscalls("setsid");
                assertEquals(1, setsid.size(), t.describeEvents());
                assertEquals(t.mainPid(), setsid.get(0).res());
            }
        }
    }

    /** E5: a 64-bit tracee execs a 32-bit program: its calls decode with the i386 table. */
    @Test
    void e5ExecOfI386Program() throws Exception {
        Assumptions.assumeTrue(Abis.ia32Works(), "kernel without IA32 emulation: i386 programs cannot run here");
        Traced t = Tracing.program("hello_i386").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("hello32"));
        assertTrue(t.syscalls("open").stream().anyMatch(e -> e.abi() == Abi.I386 && "/dev/null".equals(Events.raw(e, "name"))),
                t.describeEvents());
    }
}
