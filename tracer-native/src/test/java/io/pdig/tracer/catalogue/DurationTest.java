package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.SyscallEvent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A syscall's duration (strace -T, Falco's evt.latency): exit stop minus entry stop, measured on a
 * real tracee whose calls take a known time.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class DurationTest {

    private static final long SLEEP_NS = 50_000_000L;

    @Test
    void callsThatWaitCarryTheTimeTheyWaited() throws Exception {
        Traced t = Tracing.program("timed_calls").plus("nanosleep", "clock_nanosleep", "read", "close", "exit_group").run(20_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        // The program's own span around each call (CLOCK_MONOTONIC, as the tracer's clock) holds
        // both stops, so it bounds the recorded duration from above.
        long sleptSpan = group(t.output(), "sleep rc 0 sleep_ns (\\d+)");
        long readSpan = group(t.output(), "read rc 1 read_ns (\\d+)");

        SyscallEvent sleep = mainThreads(t, "clock_nanosleep", "nanosleep");
        assertTrue(sleep.hasDuration(), sleep.toString());
        assertTrue(sleep.duration() >= SLEEP_NS && sleep.duration() <= sleptSpan,
                sleep.duration() + " ns within [" + SLEEP_NS + ", " + sleptSpan + "]");

        SyscallEvent read = mainThreads(t, "read");
        // The feeder writes 50 ms after it saw the read blocked, i.e. after its entry stop was handled.
        assertTrue(read.duration() >= SLEEP_NS && read.duration() <= readSpan,
                read.duration() + " ns within [" + SLEEP_NS + ", " + readSpan + "]");
    }

    @Test
    void onlyCallsWithAnExitStopHaveADuration() throws Exception {
        Traced t = Tracing.program("timed_calls").plus("nanosleep", "clock_nanosleep", "read", "close", "exit_group").run(20_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> all = t.events(SyscallEvent.class);
        // close's exit stop is skipped; exit_group never returns.
        for (String name : List.of("close", "exit_group")) {
            List<SyscallEvent> l = t.syscalls(name);
            assertFalse(l.isEmpty(), name + " traced:\n" + t.describeEvents());
            for (SyscallEvent e : l) assertFalse(e.hasDuration(), e.toString());
        }
        long timed = 0;
        for (SyscallEvent e : all) {
            if (e.hasDuration()) {
                timed++;
                assertTrue(e.hasResult() && e.duration() >= 0, e.toString());
            }
        }
        assertTrue(timed >= 2, "timed calls:\n" + t.describeEvents());
    }

    /**
     * A fork and an exec are completed at their ptrace event stop (no exit stop): their duration
     * runs from the entry stop to that event stop. fork_exec_timed times its fork and its exec on
     * the tracer's clock, which bounds each from above; the forked child sleeps 200 ms before it
     * exits, and none of that is the parent's fork.
     */
    @Test
    void forkAndExecLastUntilTheirEventStop() throws Exception {
        Traced t = Tracing.program("fork_exec_timed").plus("fork", "execve", "wait4").run(20_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        long forkSpan = group(t.output(), "fork_ns (\\d+)");
        long childSleep = group(t.output(), "child_sleep_ns (\\d+)");
        long execSpan = group(t.output(), "exec_ns (\\d+)");

        List<SyscallEvent> forks = t.syscalls("fork");
        assertEquals(1, forks.size(), t.describeEvents());
        SyscallEvent fork = forks.get(0);
        assertTrue(fork.hasResult() && fork.res() > 0, fork.toString());
        assertTrue(fork.hasDuration() && fork.duration() > 0 && fork.duration() <= forkSpan,
                fork.duration() + " ns within (0, " + forkSpan + "]");
        assertTrue(fork.duration() < childSleep, "the child's " + childSleep + " ns sleep is not the fork's: " + fork);

        // The re-exec is the process's last execve (the ones before start the program).
        List<SyscallEvent> execs = t.syscalls("execve").stream().filter(e -> e.tid() == fork.tid()).toList();
        assertTrue(execs.size() >= 2, t.describeEvents());
        SyscallEvent exec = execs.get(execs.size() - 1);
        assertTrue(exec.hasResult() && exec.res() == 0, exec.toString());
        assertTrue(exec.hasDuration() && exec.duration() > 0 && exec.duration() <= execSpan,
                exec.duration() + " ns within (0, " + execSpan + "]");
    }

    /**
     * The one call of these names made by the main thread that returned 0 or 1 (the feeder thread
     * sleeps too; the loader's reads of libraries return more).
     */
    private static SyscallEvent mainThreads(Traced t, String... names) {
        SyscallEvent found = null;
        for (String name : names) {
            for (SyscallEvent e : t.syscalls(name)) {
                if (e.tid() != e.pid() || e.res() > 1) continue;
                assertEquals(null, found, "one " + List.of(names) + " by the main thread:\n" + t.describeEvents());
                found = e;
            }
        }
        assertTrue(found != null, List.of(names) + " by the main thread:\n" + t.describeEvents());
        return found;
    }

    private static long group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "/" + regex + "/ in:\n" + text);
        return Long.parseLong(m.group(1));
    }
}
