package io.pdig.model.render;

import io.pdig.model.event.Event;
import io.pdig.model.event.SyscallEvent;

/**
 * What strace's options add to a {@link StraceFormatter} line: the time (-t/-tt/-ttt, after the
 * thread id) and the time spent in the call (-T, at the very end: {@code = -1 ENOENT (No such file
 * or directory) <0.000010>}). Kept out of the formatter, so that a line's text does not depend on
 * the options; --print and dump stamp their lines through this one class, so they agree.
 *
 * @param times     -t/-tt/-ttt, or null
 * @param durations -T: a syscall line whose duration is known ends with it; others are unchanged
 *                  (strace too prints none for a call that did not return, e.g. exit_group's
 *                  {@code = ?})
 */
public record LineStamps(LineTimestamps times, boolean durations) {

    /** Whether these stamps change nothing. */
    public boolean none() {
        return times == null && !durations;
    }

    /** The line with its stamps. */
    public String apply(String line, Event event) {
        if (times != null) line = times.insert(line, event.ts());
        if (durations && event instanceof SyscallEvent s && s.hasDuration()) line = line + duration(s.duration());
        return line;
    }

    /**
     * -T's suffix for a duration in ns: {@code " <S.uuuuuu>"}, seconds with six decimals. The
     * microseconds are truncated, as strace truncates the nanoseconds it measured.
     */
    public static String duration(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("duration " + nanos);
        String micros = Long.toString(nanos / 1000 % 1_000_000);
        return " <" + nanos / 1_000_000_000L + "." + "000000".substring(micros.length()) + micros + ">";
    }
}
