package io.pdig.model.render;

import static io.pdig.model.render.Ev.call;
import static io.pdig.model.render.Ev.n;
import static io.pdig.model.render.Ev.path;
import static io.pdig.model.render.Ev.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pdig.model.event.ProcessEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    /**
     * openat: 3 timed successes (10, 20, 30 us) and 2 timed failures (1.5 us each); close: one
     * timed call (4 us) and one without a result; read: one restart code without a duration (a
     * detach); nanosleep: one slow call (50 ms); execve: one call without a duration.
     */
    private static SummaryTable sample() {
        SummaryTable t = new SummaryTable();
        for (int i = 1; i <= 3; i++) t.add(timed("openat", 3, i * 10_000L, n(-100), path("/a"), n(0), n(0)));
        t.add(timed("openat", -2, 1_500, n(-100), path("/b"), n(0), n(0)));
        t.add(timed("openat", -13, 1_500, n(-100), path("/c"), n(0), n(0)));
        t.add(timed("close", 0, 4_000, n(3)));
        t.add(Ev.noResult("close", n(4)));
        t.add(call("read", -512, n(3), n(0), n(1))); // restart code: an error result as seen at the exit stop
        t.add(timed("nanosleep", 0, 50_000_000, n(0), n(0)));
        t.add(call("execve", 0, path("/bin/true"), Ev.argv("true"), n(0)));
        t.add(new ProcessEvent.Exit(1, 1, 1, 0, 0, false, false));
        return t;
    }

    @Test
    void timeColumnsAsStraceCwSortedByTime() {
        SummaryTable t = sample();
        assertEquals(5, t.calls("openat"));
        assertEquals(2, t.errors("openat"));
        assertEquals(2, t.calls("close"));
        assertEquals(0, t.errors("close"));
        assertEquals(0, t.calls("getpid"));
        // Total timed: 50_000_000 + 63_000 + 4_000 = 50_067_000 ns over 7 timed calls.
        // openat: 63 us / 5 = 12.6 us (truncated to 12); close: 4 us over its 1 timed call.
        String expected = """
                % time     seconds  usecs/call     calls    errors syscall
                ------ ----------- ----------- --------- --------- ----------------
                 99.87    0.050000       50000         1           nanosleep
                  0.13    0.000063          12         5         2 openat
                  0.01    0.000004           4         2           close
                     -           -           -         1           execve
                     -           -           -         1         1 read
                ------ ----------- ----------- --------- --------- ----------------
                100.00    0.050067        7152        10         3 total
                ptrace stops: 42
                calls without a duration (not in the time columns): close 1 of 2, execve 1 of 1, read 1 of 1
                calls whose result was not stopped for (their errors are not counted): close 1
                """;
        assertEquals(expected, t.render(42));
        assertEquals(expected, t.render(42, SummarySort.TIME));
    }

    /** The first column of each row, the syscall names in the order printed. */
    private static List<String> order(SummaryTable t, SummarySort sort) {
        return t.render(0, sort).lines().skip(2).takeWhile(l -> !l.startsWith("------"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
    }

    @Test
    void eachOrderOfDashS() {
        SummaryTable t = sample();
        assertEquals(List.of("openat", "close", "execve", "nanosleep", "read"), order(t, SummarySort.CALLS));
        assertEquals(List.of("openat", "read", "close", "execve", "nanosleep"), order(t, SummarySort.ERRORS));
        assertEquals(List.of("close", "execve", "nanosleep", "openat", "read"), order(t, SummarySort.NAME));
        assertEquals(List.of("openat", "close", "read", "nanosleep", "execve"), order(t, SummarySort.NOTHING));
        // avg: nanosleep 50 ms, openat 12.6 us, close 4 us; min: openat 1.5 us < close 4 us; max: openat 30 us.
        assertEquals(List.of("nanosleep", "openat", "close", "execve", "read"), order(t, SummarySort.AVG_TIME));
        assertEquals(List.of("nanosleep", "close", "openat", "execve", "read"), order(t, SummarySort.MIN_TIME));
        assertEquals(List.of("nanosleep", "openat", "close", "execve", "read"), order(t, SummarySort.MAX_TIME));
    }

    @Test
    void aTableWithoutDurationsShowsNoTime() {
        SummaryTable t = new SummaryTable();
        t.add(call("close", 0, n(3)));
        assertEquals("""
                % time     seconds  usecs/call     calls    errors syscall
                ------ ----------- ----------- --------- --------- ----------------
                     -           -           -         1           close
                ------ ----------- ----------- --------- --------- ----------------
                     -           -           -         1           total
                ptrace stops: 7
                calls without a duration (not in the time columns): close 1 of 1
                """, t.render(7));
    }

    @Test
    void emptyTableStillHasTotals() {
        assertEquals("""
                % time     seconds  usecs/call     calls    errors syscall
                ------ ----------- ----------- --------- --------- ----------------
                ------ ----------- ----------- --------- --------- ----------------
                     -           -           -         0           total
                ptrace stops: 0
                """, new SummaryTable().render(0));
    }

    @Test
    void straceSortNamesWithDashOrUnderscore() {
        assertEquals(SummarySort.TIME, SummarySort.parse("time"));
        assertEquals(SummarySort.TIME, SummarySort.parse("total_time"));
        assertEquals(SummarySort.TIME, SummarySort.parse("time-percent"));
        assertEquals(SummarySort.CALLS, SummarySort.parse("count"));
        assertEquals(SummarySort.ERRORS, SummarySort.parse("error"));
        assertEquals(SummarySort.NAME, SummarySort.parse("syscall_name"));
        assertEquals(SummarySort.NOTHING, SummarySort.parse("none"));
        assertEquals(SummarySort.MIN_TIME, SummarySort.parse("shortest"));
        assertEquals(SummarySort.MAX_TIME, SummarySort.parse("longest"));
        assertEquals(SummarySort.AVG_TIME, SummarySort.parse("time_avg"));
        // strace takes lower case only ("strace: invalid sortby: 'TIME'").
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SummarySort.parse("TIME"));
        assertEquals("unknown order 'TIME' (expected time|time-percent|time-total|total-time, min-time|shortest|time-min, "
                + "max-time|longest|time-max, avg-time|time-avg, calls|count, errors|error, name|syscall|syscall-name, "
                + "nothing|none)", e.getMessage());
    }
}
