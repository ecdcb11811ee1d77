package io.pdig.model.render;

import io.pdig.model.consts.Signals;

/**
 * strace's text of a 64-signal set ({@code sigset_t} as the kernel reads it, sigsetsize 8): bit
 * {@code n-1} is signal {@code n}. Names lose their SIG prefix ({@code [INT TERM]}), real-time
 * signals are named from the kernel's SIGRTMIN ({@code RTMIN}, {@code RT_1}, ...), and a set with
 * more than half of its bits set is shown as its complement, {@code ~[RTMIN RT_1]}, as strace does.
 */
public final class SigSets {

    /** Bits in the set: the kernel's _NSIG on x86_64 and i386. */
    static final int NSIG = 64;

    private SigSets() {
    }

    public static String strace(long mask) {
        boolean inverted = Long.bitCount(mask) * 2 > NSIG;
        long shown = inverted ? ~mask : mask;
        StringBuilder sb = new StringBuilder(inverted ? "~[" : "[");
        for (int bit = 0; bit < NSIG; bit++) {
            if ((shown & (1L << bit)) == 0) continue;
            if (sb.charAt(sb.length() - 1) != '[') sb.append(' ');
            String name = Signals.name(bit + 1);
            sb.append(name == null ? Integer.toString(bit + 1) : name.startsWith("SIG") ? name.substring(3) : name);
        }
        return sb.append(']').toString();
    }
}
