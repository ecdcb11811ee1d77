package io.pdig.model.render;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * utimensat's two times as strace 6.1 shows them: {@code UTIME_NOW} and {@code UTIME_OMIT} by name,
 * any other as {@code {tv_sec=S, tv_nsec=N}} followed by its date in the printer's local time
 * zone, as strace writes it ({@code /* 2026-12-07T10:11:12.123456789+0000 *}{@code /}: the
 * nanoseconds only when not 0). strace writes no date for the epoch itself (0, 0), for a tv_nsec
 * the kernel refuses, nor for a time its C library cannot convert.
 */
final class UtimeText {

    /** Words of the pair: address, then each time's tv_sec and tv_nsec. */
    static final int WORDS = 5;

    private static final long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;
    private static final long NANOS = 1_000_000_000L;

    private UtimeText() {
    }

    static String times(long[] w) {
        return "[" + time(w[1], w[2]) + ", " + time(w[3], w[4]) + "]";
    }

    private static String time(long sec, long nsec) {
        if (nsec == UTIME_NOW) return "UTIME_NOW";
        if (nsec == UTIME_OMIT) return "UTIME_OMIT";
        String ts = "{tv_sec=" + sec + ", tv_nsec=" + nsec + "}";
        if ((sec == 0 && nsec == 0) || nsec < 0 || nsec >= NANOS) return ts;
        String date = date(sec, nsec);
        return date == null ? ts : ts + " /* " + date + " */";
    }

    /** {@code 2026-12-07T10:11:12[.nnnnnnnnn]+0000} in the local time zone, or null when out of range. */
    private static String date(long sec, long nsec) {
        ZonedDateTime t;
        try {
            t = Instant.ofEpochSecond(sec, nsec).atZone(ZoneId.systemDefault());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
        int offset = t.getOffset().getTotalSeconds() / 60;
        StringBuilder sb = new StringBuilder(40);
        sb.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond()));
        if (nsec != 0) sb.append(String.format(".%09d", nsec));
        sb.append(offset < 0 ? '-' : '+').append(String.format("%02d%02d", Math.abs(offset) / 60, Math.abs(offset) % 60));
        return sb.toString();
    }
}
