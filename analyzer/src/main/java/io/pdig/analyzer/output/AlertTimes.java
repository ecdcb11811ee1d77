package io.pdig.analyzer.output;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Time renderings of alerts, all in UTC with nanosecond precision. Digits are written by hand
 * rather than with a DateTimeFormatter, whose first use costs tens of milliseconds of class
 * loading that the first live alert would wait for.
 */
final class AlertTimes {
    private AlertTimes() {
    }

    /** HH:MM:SS.nnnnnnnnn */
    static String timeOfDay(long ns) {
        LocalDateTime t = utc(ns);
        StringBuilder b = new StringBuilder(18);
        digits(b, t.getHour(), 2).append(':');
        digits(b, t.getMinute(), 2).append(':');
        digits(b, t.getSecond(), 2).append('.');
        return digits(b, t.getNano(), 9).toString();
    }

    /** RFC 3339 with nanoseconds and Z, as Falco's JSON "time": 2026-11-27T01:02:03.123456789Z */
    static String rfc3339(long ns) {
        LocalDateTime t = utc(ns);
        StringBuilder b = new StringBuilder(30);
        digits(b, t.getYear(), 4).append('-');
        digits(b, t.getMonthValue(), 2).append('-');
        digits(b, t.getDayOfMonth(), 2).append('T');
        digits(b, t.getHour(), 2).append(':');
        digits(b, t.getMinute(), 2).append(':');
        digits(b, t.getSecond(), 2).append('.');
        return digits(b, t.getNano(), 9).append('Z').toString();
    }

    private static LocalDateTime utc(long ns) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), (int) Math.floorMod(ns, 1_000_000_000L),
                ZoneOffset.UTC);
    }

    /** Appends {@code v} zero-padded to {@code width} digits (wider values are written in full). */
    private static StringBuilder digits(StringBuilder b, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
