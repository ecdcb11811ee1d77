package io.pdig.model.render;

/**
 * strace's struct rlimit64: {@code {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}}. A limit that
 * is a multiple of 1024 (above 1024) is written as N*1024, as strace does: sizes read better so.
 */
public final class RLimits {

    private static final long RLIM64_INFINITY = -1L;

    private RLimits() {
    }

    public static String strace(long cur, long max) {
        return "{rlim_cur=" + limit(cur) + ", rlim_max=" + limit(max) + "}";
    }

    static String limit(long v) {
        if (v == RLIM64_INFINITY) return "RLIM64_INFINITY";
        if (Long.compareUnsigned(v, 1024) > 0 && v % 1024 == 0) return Long.toUnsignedString(v / 1024) + "*1024";
        return Long.toUnsignedString(v);
    }
}
