package io.pdig.model.render;

import io.pdig.model.consts.Capabilities;
import io.pdig.model.consts.ProcessConsts;

/**
 * prctl's arguments for the options whose meaning strace shows: PR_CAPBSET_READ and
 * PR_CAPBSET_DROP take one capability (strace: {@code prctl(PR_CAPBSET_READ, CAP_CHOWN)}, an unknown
 * number as {@code 0x29 /* CAP_??? *}{@code /}) and read nothing after it. Other options keep the
 * generic form: every argument, in hex. Rendering only, so older journals print this way too.
 */
final class PrctlText {

    private static final long CAPBSET_READ = ProcessConsts.PRCTL_OPTIONS.valueOf("PR_CAPBSET_READ").orElseThrow();
    private static final long CAPBSET_DROP = ProcessConsts.PRCTL_OPTIONS.valueOf("PR_CAPBSET_DROP").orElseThrow();

    private PrctlText() {
    }

    /** The option takes a single capability as its argument (the kernel reads an int: the low 32 bits). */
    static boolean takesCapability(long option) {
        long op = option & 0xffffffffL;
        return op == CAPBSET_READ || op == CAPBSET_DROP;
    }

    /** strace's text of a capability argument. */
    static String capability(long raw) {
        String n = raw >= 0 && raw < 64 ? Capabilities.BITS.name(raw) : null;
        return n != null ? n : StructLayouts.hex(raw) + " /* CAP_??? */";
    }
}
