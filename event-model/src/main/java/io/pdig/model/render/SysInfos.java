package io.pdig.model.render;

import java.util.List;

/**
 * strace's text of a struct sysinfo, from the Words the tracer stores: the address, then the
 * fields in the kernel's order ({@link #FIELDS}). strace prints every field, even without -v.
 */
public final class SysInfos {

    /** The field names after the address, in the stored order. */
    public static final List<String> FIELDS = List.of("uptime", "load0", "load1", "load2", "totalram", "freeram",
            "sharedram", "bufferram", "totalswap", "freeswap", "procs", "totalhigh", "freehigh", "mem_unit");

    /** How many words a stored struct sysinfo has: its address and {@link #FIELDS}. */
    public static final int WORDS = 1 + 14;

    private SysInfos() {
    }

    /** {@code {uptime=N, loads=[N, N, N], totalram=N, ..., mem_unit=1}}: signed uptime, the rest unsigned. */
    public static String strace(long[] w) {
        StringBuilder sb = new StringBuilder("{uptime=").append(w[1]).append(", loads=[");
        sb.append(Long.toUnsignedString(w[2])).append(", ").append(Long.toUnsignedString(w[3])).append(", ")
                .append(Long.toUnsignedString(w[4])).append(']');
        for (int k = 5; k < WORDS; k++) {
            sb.append(", ").append(FIELDS.get(k - 1)).append('=').append(Long.toUnsignedString(w[k]));
        }
        return sb.append('}').toString();
    }
}
