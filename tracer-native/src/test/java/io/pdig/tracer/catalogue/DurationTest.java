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
