package io.pdig.model.render;

import io.pdig.model.event.Event;
import io.pdig.model.event.SyscallEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-syscall call and error counts, printed like {@code strace -c} without its time columns. Events
 * carry their durations since journal schema v5 ({@code -T}), but not every call has one (no exit
 * stop: close in the derived sets, fork-like calls and execs), so a "% time" column would compare
 * rows measured differently; not added yet:
 * <pre>
 *     calls    errors syscall
 * --------- --------- ----------------
 *        12         2 openat
 *         3           close
 * --------- --------- ----------------
 *        15         2 total
 * ptrace stops: 30
 * </pre>
 * Rows are sorted by calls (descending), then name. Calls without an observed result count as
 * calls, never as errors; a line after the table names the rows that had such calls, so that an
 * empty errors column is not read as "no call failed". Not thread-safe: one reader feeds it.
 */
public final class SummaryTable {

    private static final String RULE = "--------- --------- ----------------";

    private static final class Row {
        long calls;
        long errors;
        long withoutResult;
    }

    private final Map<String, Row> rows = new HashMap<>();

    /** Counts a syscall event; other events are ignored. */
    public void add(Event e) {
        if (e instanceof SyscallEvent s) {
            Row r = rows.computeIfAbsent(s.name(), k -> new Row());
            r.calls++;
            if (s.failed()) r.errors++;
            if (!s.hasResult()) r.withoutResult++;
        }
    }

    public long calls(String syscall) {
        Row r = rows.get(syscall);
        return r == null ? 0 : r.calls;
    }

    public long errors(String syscall) {
        Row r = rows.get(syscall);
        return r == null ? 0 : r.errors;
    }

    /** The table, each line ending in '\n'; {@code ptraceStops} is the driver's stop counter. */
    public String render(long ptraceStops) {
        List<Map.Entry<String, Row>> list = new ArrayList<>(rows.entrySet());
        list.sort((a, b) -> a.getValue().calls != b.getValue().calls
                ? Long.compare(b.getValue().calls, a.getValue().calls)
                : a.getKey().compareTo(b.getKey()));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%9s %9s %s", "calls", "errors", "syscall")).append('\n').append(RULE).append('\n');
        long calls = 0, errors = 0;
        for (Map.Entry<String, Row> e : list) {
            line(sb, e.getValue().calls, e.getValue().errors, e.getKey());
            calls += e.getValue().calls;
            errors += e.getValue().errors;
        }
        sb.append(RULE).append('\n');
        line(sb, calls, errors, "total");
        sb.append("ptrace stops: ").append(ptraceStops).append('\n');
        StringBuilder unseen = new StringBuilder();
        for (Map.Entry<String, Row> e : list) {
            if (e.getValue().withoutResult > 0) {
                unseen.append(unseen.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue().withoutResult);
            }
        }
        if (unseen.length() > 0) {
            sb.append("calls whose result was not stopped for (their errors are not counted): ").append(unseen).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, long calls, long errors, String name) {
        sb.append(String.format("%9d %9s %s", calls, errors == 0 ? "" : Long.toString(errors), name)).append('\n');
    }
}
