package io.pdig.model.render;

import io.pdig.model.consts.ProcessConsts;

/**
 * strace's struct sigaction: {@code {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER,
 * sa_restorer=0x7f...}}, from Words {address, handler, flags, restorer, mask}. The restorer is
 * shown only under SA_RESTORER: the kernel ignores the field otherwise.
 */
public final class SigActions {

    private static final long SA_RESTORER = 0x04000000L;

    private SigActions() {
    }

    public static String strace(long[] w) {
        StringBuilder sb = new StringBuilder("{sa_handler=").append(handler(w[1]));
        sb.append(", sa_mask=").append(SigSets.strace(w[4]));
        sb.append(", sa_flags=").append(ProcessConsts.SA_FLAGS.render(w[2]));
        if ((w[2] & SA_RESTORER) != 0) sb.append(", sa_restorer=").append(StructLayouts.hex(w[3]));
        return sb.append('}').toString();
    }

    /** SIG_DFL (0) and SIG_IGN (1) by name, a handler's address in hex. */
    public static String handler(long h) {
        return h == 0 ? "SIG_DFL" : h == 1 ? "SIG_IGN" : StructLayouts.hex(h);
    }
}
