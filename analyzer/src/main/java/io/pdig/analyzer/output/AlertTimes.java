package io.pdig.analyzer.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Time renderings of alerts, all in UTC with nanosecond precision. */
final class AlertTimes {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_HMS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private AlertTimes() {
    }

    /** HH:MM:SS.nnnnnnnnn */
    static String timeOfDay(long ns) {
        return HMS.format(instant(ns)) + "." + nanos(ns);
    }

    /** RFC 3339 with nanoseconds and Z, as Falco's JSON "time": 2026-11-27T01:02:03.123456789Z */
    static String rfc3339(long ns) {
        return DATE_HMS.format(instant(ns)) + "." + nanos(ns) + "Z";
    }

    private static Instant instant(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    }

    private static String nanos(long ns) {
        String n = Long.toString(Math.floorMod(ns, 1_000_000_000L));
        return "000000000".substring(n.length()) + n;
    }
}
