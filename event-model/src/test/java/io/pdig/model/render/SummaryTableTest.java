package io.pdig.model.render;

import static io.pdig.model.render.Ev.call;
import static io.pdig.model.render.Ev.n;
import static io.pdig.model.render.Ev.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pdig.model.event.ProcessEvent;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void countsCallsAndErrorsSortedByCalls() {
        SummaryTable t = new SummaryTable();
        for (int i = 0; i < 3; i++) t.add(call("openat", 3, n(-100), path("/a"), n(0), n(0)));
        t.add(call("openat", -2, n(-100), path("/b"), n(0), n(0)));
        t.add(call("openat", -13, n(-100), path("/c"), n(0), n(0)));
        t.add(call("close", 0, n(3)));
        t.add(Ev.noResult("close", n(4)));
        t.add(call("read", -512, n(3), n(0), n(1))); // restart code: an error result as seen at the exit stop
        t.add(new ProcessEvent.Exit(1, 1, 1, 0, 0, false, false));
        assertEquals(5, t.calls("openat"));
        assertEquals(2, t.errors("openat"));
        assertEquals(2, t.calls("close"));
        assertEquals(0, t.errors("close"));
        assertEquals(0, t.calls("execve"));
        String expected = """
                    calls    errors syscall
                --------- --------- ----------------
                        5         2 openat
                        2           close
                        1         1 read
                --------- --------- ----------------
                        8         3 total
                ptrace stops: 42
                calls whose result was not stopped for (their errors are not counted): close 1
                """;
        assertEquals(expected, t.render(42));
    }

    @Test
    void emptyTableStillHasTotals() {
        assertEquals("""
                    calls    errors syscall
                --------- --------- ----------------
                --------- --------- ----------------
                        0           total
                ptrace stops: 0
                """, new SummaryTable().render(0));
    }
}
