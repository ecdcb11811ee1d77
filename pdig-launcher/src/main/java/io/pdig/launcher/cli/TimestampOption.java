package io.pdig.launcher.cli;

import io.pdig.model.render.LineStamps;
import io.pdig.model.render.LineTimestamps;
import java.time.ZoneId;
import picocli.CommandLine;

/**
 * strace's -t/-tt/-ttt and -T, for the commands that print strace-like lines (run and attach with
 * --print, dump). picocli reads -tt as two -t (clustered short options), so the count is the form.
 */
final class TimestampOption {
    static final String DESCRIPTION = "Start each printed line with the time of the event, after the thread id, as strace -f does: "
            + "-t HH:MM:SS, -tt HH:MM:SS.uuuuuu (local time; TZ applies), -ttt seconds.uuuuuu since the epoch.";
    static final String DURATION_DESCRIPTION = "End each syscall line with the time spent in the call, from its entry to its exit, "
            + "as strace -T does: <seconds.uuuuuu>; a successful fork, clone3 or exec is timed to its ptrace event stop "
            + "(the parent's side of a fork; an exec with its new image loaded). Lines of calls whose exit was not seen "
            + "(exit_group, a call that never returned, close in a set pdig derives, a plain clone without --trace-exits, "
            + "journals of pdig before schema v5) have none.";

    private TimestampOption() {
    }

    /** Null without -t and -T; else the stamps of both (-t's checked as {@link #of} does). */
    static LineStamps stamps(CommandLine cl, boolean[] given, boolean durations) {
        LineTimestamps times = of(cl, given);
        return times == null && !durations ? null : new LineStamps(times, durations);
    }

    /** Null without -t; the stamps of the form given otherwise (a fourth -t is a usage error). */
    static LineTimestamps of(CommandLine cl, boolean[] given) {
        if (given == null || given.length == 0) return null;
        try {
            return LineTimestamps.of(given.length, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "-t: " + e.getMessage());
        }
    }
}
