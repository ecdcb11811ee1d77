package io.pdig.model.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** -t, -tt, -ttt stamps of an event time, and where they go on a line. */
class LineTimestampsTest {

    /** 2026-12-07T15:53:39.0858919Z, one digit past the microseconds. */
    private static final long TS = 1_796_658_819_085_891_900L;

    @Test
    void theThreeFormsInLocalTimeAndEpochSeconds() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertEquals("21:23:39", LineTimestamps.of(1, kolkata).stamp(TS));
        assertEquals("21:23:39.085891", LineTimestamps.of(2, kolkata).stamp(TS), "truncated, not rounded up");
        assertEquals("15:53:39.085891", LineTimestamps.of(2, ZoneId.of("UTC")).stamp(TS));
        assertEquals("1796658819.085891", LineTimestamps.of(3, kolkata).stamp(TS), "epoch: no zone");
        assertEquals("1796658819.000007", LineTimestamps.of(3, kolkata).stamp(1_796_658_819_000_007_000L), "zero-padded");
    }

    @Test
    void theStampGoesAfterTheThreadId() {
        LineTimestamps t = LineTimestamps.of(2, ZoneId.of("UTC"));
        assertEquals("1234 15:53:39.085891 +++ exited with 0 +++", t.insert("1234 +++ exited with 0 +++", TS));
        // The cached second must not leak into the next second's stamp.
        assertEquals("1234 15:53:40.000000 close(3) = 0", t.insert("1234 close(3) = 0", TS - 85_891_900L + 1_000_000_000L));
    }

    @Test
    void onlyOneToThreeTs() {
        assertEquals("given 4 times; -t, -tt and -ttt are the forms",
                assertThrows(IllegalArgumentException.class, () -> LineTimestamps.of(4, ZoneId.of("UTC"))).getMessage());
    }
}
