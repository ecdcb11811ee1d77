package io.pdig.model.render;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * strace's -t, -tt and -ttt on printed lines: the event's time, inserted after the thread id that
 * starts every {@link StraceFormatter} line, which is where `strace -f -tt -o FILE` puts it
 * ({@code 1234 15:53:39.085891 execve(...) = 0}, {@code 1234 15:53:39.095031 +++ exited with 0 +++}).
 * Kept out of the formatter: it only stamps a line already made, so that the line's text does
 * not depend on the option.
 *
 * <p>-t and -tt are local wall-clock time in the given zone (strace uses localtime(3), so the
 * TZ variable applies); -ttt is seconds since the epoch. Sub-second digits are truncated, not
 * rounded, so that a stamp never shows a later microsecond than the event's. Confined to one
 * thread (it caches the text of the last second it formatted).
 */
public final class LineTimestamps {

    /** How many -t: 1 = HH:MM:SS, 2 = HH:MM:SS.uuuuuu, 3 = SECONDS.uuuuuu since the epoch. */
    private final int level;
    private final ZoneId zone;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedText;

    private LineTimestamps(int level, ZoneId zone) {
        this.level = level;
        this.zone = zone;
    }

    /**
     * The stamps of {@code count} -t options (1 to 3) in {@code zone}.
     *
     * @throws IllegalArgumentException for another count, with a one-line reason
     */
    public static LineTimestamps of(int count, ZoneId zone) {
        if (count < 1 || count > 3) {
            throw new IllegalArgumentException("given " + count + " times; -t, -tt and -ttt are the forms");
        }
        return new LineTimestamps(count, zone);
    }

    /** The stamp alone for an event time in nanoseconds since the epoch. */
    public String stamp(long tsNanos) {
        long second = Math.floorDiv(tsNanos, 1_000_000_000L);
        long micros = Math.floorMod(tsNanos, 1_000_000_000L) / 1000;
        if (level == 3) return second + "." + sixDigits(micros);
        if (second != cachedSecond) {
            LocalTime t = LocalTime.ofInstant(Instant.ofEpochSecond(second), zone);
            cachedText = twoDigits(t.getHour()) + ":" + twoDigits(t.getMinute()) + ":" + twoDigits(t.getSecond());
            cachedSecond = second;
        }
        return level == 1 ? cachedText : cachedText + "." + sixDigits(micros);
    }

    /**
     * A {@link StraceFormatter} line with the stamp after its first word, the thread id. Callers
     * stamp the formatter's line before they put anything (dump's --seq) in front of it.
     */
    public String insert(String line, long tsNanos) {
        int space = line.indexOf(' ');
        String stamp = stamp(tsNanos);
        if (space < 0) return stamp + " " + line;
        return line.substring(0, space + 1) + stamp + line.substring(space);
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String sixDigits(long v) {
        String s = Long.toString(v);
        return "000000".substring(s.length()) + s;
    }
}
