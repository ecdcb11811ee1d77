package io.pdig.model.render;

import java.util.List;

/**
 * The orders of the {@code -c} table ({@code -S}), with strace 6.1's names for each: its man page
 * lists them with '-', and strace takes '_' in their place too (time_total, syscall_name), so both
 * are accepted. Every order but {@link #NAME} puts the largest value first; ties go by name, so
 * equal rows come out the same way every run (strace leaves them in qsort's order).
 */
public enum SummarySort {
    /** Total time in the row (the default, as strace's). */
    TIME("time", "time-percent", "time-total", "total-time"),
    MIN_TIME("min-time", "shortest", "time-min"),
    MAX_TIME("max-time", "longest", "time-max"),
    AVG_TIME("avg-time", "time-avg"),
    CALLS("calls", "count"),
    ERRORS("errors", "error"),
    /** Alphabetical. */
    NAME("name", "syscall", "syscall-name"),
    /**
     * The order in which each syscall was first seen. strace's unsorted order is its syscall
     * table's, which a table of names from several ABIs does not have.
     */
    NOTHING("nothing", "none");

    private final List<String> names;

    SummarySort(String... names) {
        this.names = List.of(names);
    }

    /** strace's spelling of this order. */
    public String label() {
        return names.get(0);
    }

    /**
     * The order named {@code s} (case as strace: lower case only), or an IllegalArgumentException
     * whose message lists the accepted names.
     */
    public static SummarySort parse(String s) {
        String key = s.replace('_', '-');
        for (SummarySort sort : values()) {
            if (sort.names.contains(key)) return sort;
        }
        throw new IllegalArgumentException("unknown order '" + s + "' (expected " + accepted() + ")");
    }

    /** Every accepted name, for messages and --help. */
    public static String accepted() {
        StringBuilder sb = new StringBuilder();
        for (SummarySort sort : values()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(String.join("|", sort.names));
        }
        return sb.toString();
    }
}
