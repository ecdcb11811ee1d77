package io.pdig.analyzer.dns;

import java.time.Duration;

/**
 * When a name is looked up again, as libsinsp's DNS manager does it: {@code base} after the first
 * lookup and after every lookup whose answer changed, and twice the previous interval after an
 * unchanged answer, up to {@code max}.
 */
public record RefreshSchedule(Duration base, Duration max) {

    /** libsinsp's values: 10 s, doubling up to 320 s. */
    public static final RefreshSchedule FALCO = new RefreshSchedule(Duration.ofSeconds(10), Duration.ofSeconds(320));

    public RefreshSchedule {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("refresh schedule needs 0 < base <= max: " + base + ", " + max);
        }
    }

    /** The interval after a lookup; {@code previousNanos} is the interval that led to it (0 for the first). */
    long nextNanos(long previousNanos, boolean changed) {
        long b = base.toNanos();
        if (previousNanos <= 0 || changed) return b;
        return Math.min(previousNanos * 2, max.toNanos());
    }
}
