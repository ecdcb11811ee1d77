package io.pdig.model.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pdig.model.event.SyscallEvent;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** -T's duration at the end of a line, after -t's stamp at its start, as strace -f -tt -T prints them. */
class LineStampsTest {

    private static SyscallEvent timed(SyscallEvent e, long nanos) {
        return new SyscallEvent(e.ts(), e.tid(), e.pid(), e.abi(), e.nr(), e.res(), e.hasResult(), e.args(), nanos);
    }

    @Test
    void secondsWithSixDecimalsTruncated() {
        assertEquals(" <0.000021>", LineStamps.duration(21_999));
        assertEquals(" <0.000000>", LineStamps.duration(999));
        assertEquals(" <0.050343>", LineStamps.duration(50_343_000));
        assertEquals(" <12.000001>", LineStamps.duration(12_000_001_000L));
    }

    @Test
    void theDurationEndsTheLineEvenAfterAnErrorsText() {
        StraceFormatter f = new StraceFormatter();
        SyscallEvent e = timed(Ev.call("openat", -2, Ev.n(-100), Ev.path("/nonexistent"), Ev.n(0), Ev.n(0)), 10_400);
        String line = f.format(e);
        assertEquals(line + " <0.000010>", new LineStamps(null, true).apply(line, e));
        assertEquals(true, line.endsWith("= -1 ENOENT (No such file or directory)"), line);
        LineStamps both = new LineStamps(LineTimestamps.of(3, ZoneId.of("UTC")), true);
        assertEquals("1234 1722434011.726060 " + line.substring(5) + " <0.000010>", both.apply(line, e));
    }

    @Test
    void noSuffixWithoutAKnownDurationOrWithoutTheOption() {
        StraceFormatter f = new StraceFormatter();
        SyscallEvent untimed = Ev.call("getpid", 1234);
        SyscallEvent timed = timed(untimed, 5_000);
        assertEquals(f.format(untimed), new LineStamps(null, true).apply(f.format(untimed), untimed));
        assertEquals(f.format(timed), new LineStamps(null, false).apply(f.format(timed), timed));
    }
}
