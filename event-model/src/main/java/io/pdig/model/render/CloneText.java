package io.pdig.model.render;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;

/**
 * clone's arguments as strace 6 names them: {@code child_stack=}, {@code flags=}, then only the
 * pointers the flags make the kernel use, in strace's order: {@code parent_tid=} under
 * CLONE_PARENT_SETTID or CLONE_PIDFD (both write through it), {@code tls=} under CLONE_SETTLS,
 * {@code child_tidptr=} under CLONE_CHILD_SETTID or CLONE_CHILD_CLEARTID. Pointers print NULL for
 * 0. Rendering only, so journals of any age print this way.
 *
 * <p>The row's argument order is x86_64's (flags, stack, parent_tid, child_tid, tls); i386's clone
 * takes tls before child_tid (the kernel's CLONE_BACKWARDS), so there the last two swap.
 */
final class CloneText {

    private static final long CLONE_PIDFD = 0x1000, CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000,
            CLONE_CHILD_CLEARTID = 0x200000, CLONE_CHILD_SETTID = 0x1000000;

    private CloneText() {
    }

    /** True for the row shape this class prints: five arguments, the first CLONE_FLAGS, the flags a number. */
    static boolean applies(Syscall row, ArgValue[] args) {
        return row != null && row.args().size() == 5 && args.length == 5 && row.args().get(0).kind() == ArgKind.CLONE_FLAGS
                && args[0] instanceof ArgValue.Num;
    }

    /** The text between the parentheses; {@link #applies} must hold. */
    static String arguments(Syscall row, Abi abi, ArgValue[] args) {
        long flags = ((ArgValue.Num) args[0]).value();
        int childTid = abi == Abi.I386 ? 4 : 3;
        int tls = abi == Abi.I386 ? 3 : 4;
        StringBuilder sb = new StringBuilder(96);
        sb.append("child_stack=").append(pointer(row, args, 1));
        sb.append(", flags=").append(ArgText.of(row, args, 0));
        if ((flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) != 0) sb.append(", parent_tid=").append(pointer(row, args, 2));
        if ((flags & CLONE_SETTLS) != 0) sb.append(", tls=").append(pointer(row, args, tls));
        if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
            sb.append(", child_tidptr=").append(pointer(row, args, childTid));
        }
        return sb.toString();
    }

    /**
     * What a successful clone3 wrote, as strace shows it after the struct: {@code  => {pidfd=[3],
     * parent_tid=[1234]}}, each under its flag (CLONE_PIDFD, CLONE_PARENT_SETTID), a pointer the
     * kernel could not write as its address. Empty when the row's CLONE_ARGS_OUT value holds
     * nothing (a failed call, neither flag, a journal from before that kind).
     *
     * @param cl the clone_args words of the call (flags first, pidfd second, parent_tid fourth)
     */
    static String clone3Written(Syscall row, ArgValue[] args, long[] cl) {
        long[] w = null;
        for (int k = 0; k < row.args().size() && k < args.length; k++) {
            if (row.args().get(k).kind() == ArgKind.CLONE_ARGS_OUT && args[k] instanceof ArgValue.Words out && out.words().length == 3) {
                w = out.words();
            }
        }
        if (w == null || cl.length < 4) return "";
        StringBuilder sb = new StringBuilder(" => {");
        if ((cl[0] & CLONE_PIDFD) != 0) sb.append("pidfd=").append((w[2] & 1) != 0 ? "[" + (int) w[0] + "]" : StructLayouts.hex(cl[1]));
        if ((cl[0] & CLONE_PARENT_SETTID) != 0) {
            if (sb.length() > 5) sb.append(", ");
            sb.append("parent_tid=").append((w[2] & 2) != 0 ? "[" + (int) w[1] + "]" : StructLayouts.hex(cl[3]));
        }
        return sb.length() > 5 ? sb.append('}').toString() : "";
    }

    /** A pointer argument: NULL for 0, else hex (older rows call these HEX, which prints 0 as 0). */
    private static String pointer(Syscall row, ArgValue[] args, int i) {
        if (args[i] instanceof ArgValue.Num n) return n.value() == 0 ? "NULL" : StructLayouts.hex(n.value());
        return ArgText.of(row, args, i);
    }
}
