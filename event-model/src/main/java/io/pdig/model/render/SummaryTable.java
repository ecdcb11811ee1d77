package io.pdig.model.render;

import io.pdig.model.event.Event;
import io.pdig.model.event.SyscallEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-syscall time, calls and errors, printed as {@code strace -c -w} prints them (strace 6.1's
 * columns and widths), then pdig's own lines:
 * <pre>
 * % time     seconds  usecs/call     calls    errors syscall
 * ------ ----------- ----------- --------- --------- ----------------
 *  96.61    0.050213       50213         1           clock_nanosleep
 *   3.39    0.001762         146        12         2 openat
 *       -           -           -         3           close
 * ------ ----------- ----------- --------- --------- ----------------
 * 100.00    0.051975        3998        16         2 total
 * ptrace stops: 30
 * calls without a duration (not in the time columns): close 3 of 3
 * calls whose result was not stopped for (their errors are not counted): close 3
 * </pre>
 * The time is each event's duration: wall-clock from the entry stop to the exit stop (or to the
 * fork/exec event stop), which is what strace sums with -w; strace's default, the system CPU time
 * of each call, is not something a ptrace tracer can read per call. The time columns never count a
 * call without a duration (no exit stop: a derived set's close, a call that never returned, a plain
 * clone, a journal before schema v5) as zero time: "usecs/call" averages the calls that have one,
 * a row with none shows '-', and a note line names the rows and how many of their calls had none.
 * Calls without an observed result count as calls, never as errors; the last line names those rows,
 * so that an empty errors column is not read as "no call failed". Rows are ordered by {@link
 * SummarySort} (strace's -S), by time unless told. Not thread-safe: one reader feeds it.
 */
public final class SummaryTable {

    private static final String HEADER = "% time     seconds  usecs/call     calls    errors syscall";
    private static final String RULE = "------ ----------- ----------- --------- --------- ----------------";

    /** One syscall's counts. Invariants: timed <= calls, errors + withoutResult <= calls. */
    private static final class Row {
        final String name;
        long calls;
        long errors;
        long withoutResult;
        /** Calls with a duration, and the sum, least and most of their durations (ns). */
        long timed;
        long timeNs;
        long minNs = Long.MAX_VALUE;
        long maxNs;

        Row(String name) {
            this.name = name;
        }

        /** The sort value of a time column: -1 for a row without a timed call, below any time. */
        long time() {
            return timed == 0 ? -1 : timeNs;
        }

        long avg() {
            return timed == 0 ? -1 : timeNs / timed;
        }

        long min() {
            return timed == 0 ? -1 : minNs;
        }

        long max() {
            return timed == 0 ? -1 : maxNs;
        }
    }

    /** In first-seen order, which -S nothing keeps. */
    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** Counts a syscall event; other events are ignored. */
    public void add(Event e) {
        if (e instanceof SyscallEvent s) {
            Row r = rows.computeIfAbsent(s.name(), Row::new);
            r.calls++;
            if (s.failed()) r.errors++;
            if (!s.hasResult()) r.withoutResult++;
            if (s.hasDuration()) {
                r.timed++;
                r.timeNs += s.duration();
                r.minNs = Math.min(r.minNs, s.duration());
                r.maxNs = Math.max(r.maxNs, s.duration());
            }
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

    /** The table ordered by time, as strace's default. */
    public String render(long ptraceStops) {
        return render(ptraceStops, SummarySort.TIME);
    }

    /** The table, each line ending in '\n'; {@code ptraceStops} is the driver's stop counter. */
    public String render(long ptraceStops, SummarySort sort) {
        return render(Long.toString(ptraceStops), sort);
    }

    /**
     * The table with {@code ptraceStops} as the text of its stops line: a count, or why there is
     * none (a journal read back may hold a session without its end record and counters).
     */
    public String render(String ptraceStops, SummarySort sort) {
        List<Row> list = new ArrayList<>(rows.values());
        Comparator<Row> byName = Comparator.comparing(r -> r.name);
        Comparator<Row> order = switch (sort) {
            case TIME -> Comparator.comparingLong(Row::time).reversed().thenComparing(byName);
            case MIN_TIME -> Comparator.comparingLong(Row::min).reversed().thenComparing(byName);
            case MAX_TIME -> Comparator.comparingLong(Row::max).reversed().thenComparing(byName);
            case AVG_TIME -> Comparator.comparingLong(Row::avg).reversed().thenComparing(byName);
            case CALLS -> Comparator.comparingLong((Row r) -> r.calls).reversed().thenComparing(byName);
            case ERRORS -> Comparator.comparingLong((Row r) -> r.errors).reversed().thenComparing(byName);
            case NAME -> byName;
            case NOTHING -> null;
        };
        if (order != null) list.sort(order);
        Row total = new Row("total");
        for (Row r : list) {
            total.calls += r.calls;
            total.errors += r.errors;
            total.timed += r.timed;
            total.timeNs += r.timeNs;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append('\n').append(RULE).append('\n');
        for (Row r : list) line(sb, r, total.timeNs == 0 ? 0.0 : 100.0 * r.timeNs / total.timeNs);
        sb.append(RULE).append('\n');
        line(sb, total, 100.0); // as strace: 100.00 even when the total time is 0
        sb.append("ptrace stops: ").append(ptraceStops).append('\n');
        note(sb, "calls without a duration (not in the time columns): ", list, r -> r.calls - r.timed, true);
        note(sb, "calls whose result was not stopped for (their errors are not counted): ", list, r -> r.withoutResult, false);
        return sb.toString();
    }

    /**
     * One row as strace prints it: {@code pct} % of the total time ("%6.2f"), seconds rounded to
     * microseconds, usecs/call truncated, and an empty errors column for 0 (strace's "%9.u").
     * Without a timed call the time columns are '-'.
     */
    private static void line(StringBuilder sb, Row r, double pct) {
        if (r.timed == 0) {
            sb.append(String.format(Locale.ROOT, "%6s %11s %11s ", "-", "-", "-"));
        } else {
            sb.append(String.format(Locale.ROOT, "%6.2f %11.6f %11d ", pct, r.timeNs / 1e9, r.timeNs / r.timed / 1000));
        }
        sb.append(String.format(Locale.ROOT, "%9d %9s %s", r.calls, r.errors == 0 ? "" : Long.toString(r.errors), r.name)).append('\n');
    }

    private static void note(StringBuilder sb, String lead, List<Row> list, java.util.function.ToLongFunction<Row> count, boolean ofCalls) {
        StringBuilder items = new StringBuilder();
        for (Row r : list) {
            long n = count.applyAsLong(r);
            if (n == 0) continue;
            items.append(items.length() == 0 ? "" : ", ").append(r.name).append(' ').append(n);
            if (ofCalls) items.append(" of ").append(r.calls);
        }
        if (items.length() > 0) sb.append(lead).append(items).append('\n');
    }
}
