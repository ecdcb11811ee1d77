package io.pdig.launcher.cli;

import io.pdig.model.render.SummarySort;
import picocli.CommandLine;

/** strace's -c and -S, for the commands that print the per-syscall table (run, attach, dump). */
final class SummaryOption {
    static final String DESCRIPTION = "Print per-syscall time, calls and errors and the number of ptrace stops, as strace -c -w: "
            + "the time is wall-clock, from each call's entry stop to its exit (or fork/exec event) stop. strace -c without -w "
            + "sums system CPU time instead, which pdig cannot measure per call. Calls without a duration are left out of the "
            + "time columns and named below the table.";
    static final String SORT_DESCRIPTION = "Order of the -c table, as strace -S: time (default), calls, errors, name, nothing "
            + "(first seen), avg-time, min-time, max-time, and strace's other spellings of these (count, syscall, none, ...).";

    private SummaryOption() {
    }

    /**
     * The table's order, or null without -c. -S without -c would sort nothing: a usage error, as
     * -T without --print; so is a name strace does not take.
     */
    static SummarySort sort(CommandLine cl, boolean summary, String given) {
        if (given == null) return summary ? SummarySort.TIME : null;
        if (!summary) throw new CommandLine.ParameterException(cl, "-S: only with -c (it orders the summary table)");
        try {
            return SummarySort.parse(given);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "-S: " + e.getMessage());
        }
    }
}
