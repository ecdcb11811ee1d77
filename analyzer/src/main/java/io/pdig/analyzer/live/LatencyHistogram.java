package io.pdig.analyzer.live;

/**
 * Latencies in nanoseconds, in logarithmic buckets (about 9 % wide), for percentile reports with no
 * allocation per sample. Not thread-safe: owned by the detection thread.
 */
public final class LatencyHistogram {
    private static final int SUB = 8; // buckets per power of two
    private final long[] counts = new long[64 * SUB];
    private long total;
    private long max;

    public void record(long nanos) {
        long v = Math.max(nanos, 1);
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int frac = exp >= 3 ? (int) ((v >>> (exp - 3)) & (SUB - 1)) : (int) (v & (SUB - 1));
        counts[exp * SUB + frac]++;
        total++;
        if (v > max) max = v;
    }

    public long count() {
        return total;
    }

    public long max() {
        return max;
    }

    /** Upper bound of the bucket holding the p-th percentile (0 < p <= 100); 0 when empty. */
    public long percentile(double p) {
        if (total == 0) return 0;
        long rank = (long) Math.ceil(total * p / 100.0);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                int exp = i / SUB;
                int frac = i % SUB;
                long upper = exp >= 3 ? ((long) (SUB + frac + 1)) << (exp - 3) : exp * SUB + frac + 1;
                return Math.min(upper, max);
            }
        }
        return max;
    }

    /** "n=12 p50=1.2ms p99=4.0ms max=5.1ms". */
    public String summary() {
        return "n=" + total + " p50=" + ms(percentile(50)) + " p99=" + ms(percentile(99)) + " max=" + ms(max);
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1fms", nanos / 1e6);
    }
}
