package io.pdig.model.render;

import io.pdig.model.consts.MemoryConsts;

/**
 * The NUMA memory policy calls as strace 6.1 shows them: a mode with its flags ({@code
 * MPOL_PREFERRED|MPOL_F_STATIC_NODES}, an unknown one {@code 0x4d /* MPOL_??? *}{@code /}) and a
 * node mask as its longs ({@code [0x00000000000001, 0000000000000000]}: strace's {@code %#0*lx}
 * with the width of a long's 16 hex digits, which C writes without "0x" for a 0).
 */
final class MempolicyText {

    private static final long MODE_FLAGS = 0xe000;

    private MempolicyText() {
    }

    /** A mode (an int): its policy, then the MPOL_F_ flags it carries. */
    static String mode(long raw) {
        long v = raw & 0xffffffffL;
        String policy = XlatText.value(MemoryConsts.MPOL_MODES, v & ~MODE_FLAGS, "MPOL_???");
        return (v & MODE_FLAGS) == 0 ? policy : policy + "|" + MemoryConsts.MPOL_MODE_FLAGS.render(v & MODE_FLAGS);
    }

    /** A node mask read as Words {address, longs, the longs read}: {@code ...} after the shown ones when there were more. */
    static String nodemask(long[] w) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 2; k < w.length; k++) {
            if (k > 2) sb.append(", ");
            if (w[k] == 0) {
                sb.append("0000000000000000");
            } else {
                String hex = Long.toHexString(w[k]);
                sb.append("0x").append("0".repeat(Math.max(0, 14 - hex.length()))).append(hex);
            }
        }
        if (Long.compareUnsigned(w[1], w.length - 2) > 0) sb.append(", ...");
        return sb.append(']').toString();
    }
}
