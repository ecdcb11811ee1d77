package io.pdig.model.render;

import io.pdig.model.consts.Capabilities;
import io.pdig.model.consts.PrctlConsts;
import io.pdig.model.consts.ProcessConsts;
import io.pdig.model.consts.Signals;
import io.pdig.model.event.ArgValue;

/**
 * prctl as strace 6.1 shows it on x86_64: each option with the arguments the kernel reads for it,
 * each as it reads it ({@code prctl(PR_SET_NAME, "worker")}, {@code prctl(PR_CAP_AMBIENT,
 * PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0)}, {@code prctl(PR_GET_PDEATHSIG, [SIGTERM])}), the
 * results some options return named ({@code = 1 (SUID_DUMP_USER)}), and an unknown value as
 * {@code 0x63 /* PR_??? *}{@code /}. Options strace 6.1 does not know (an unknown number; the MDWE
 * and memory-merge ones, which pdig names) show arg2..arg5 in hex, as strace does; so does
 * PR_SET_TAGGED_ADDR_CTRL, whose arm64 MTE fields strace decodes and pdig does not.
 *
 * <p>What the tracer reads for an argument ({@link #read}) is decided here too, so the decoder and
 * the renderer cannot disagree; arguments it did not read are the raw words of journals from before
 * these reads, and print as the words strace shows for a failed call (the address).
 */
public final class PrctlText {

    /** What the tracer reads through one argument of an option, at the exit stop. */
    public enum Read {
        /** Nothing: the argument is a plain word. */
        NONE,
        /** A task name the kernel reads (PR_SET_NAME): at most 15 bytes and the NUL. */
        COMM,
        /** A task name the kernel wrote (PR_GET_NAME), on success. */
        COMM_OUT,
        /** An int the kernel wrote (PR_GET_PDEATHSIG and the like), on success: Words {address, value}. */
        INT_OUT,
        /** A pointer the kernel wrote (PR_GET_TID_ADDRESS), on success: Words {address, value}. */
        ADDR_OUT,
        /** A struct sock_fprog the kernel reads (PR_SET_SECCOMP's filter): Words {address, len, filter}. */
        FPROG,
        /** A string the kernel reads (PR_SET_VMA's name), as any string argument. */
        STRING
    }

    // Options by number (linux/prctl.h); a switch needs constants.
    private static final int SET_PDEATHSIG = 1, GET_PDEATHSIG = 2, GET_DUMPABLE = 3, SET_DUMPABLE = 4, GET_UNALIGN = 5,
            SET_UNALIGN = 6, GET_KEEPCAPS = 7, SET_KEEPCAPS = 8, GET_FPEMU = 9, SET_FPEMU = 10, GET_FPEXC = 11,
            SET_FPEXC = 12, GET_TIMING = 13, SET_TIMING = 14, SET_NAME = 15, GET_NAME = 16, GET_ENDIAN = 19,
            SET_ENDIAN = 20, GET_SECCOMP = 21, SET_SECCOMP = 22, CAPBSET_READ = 23, CAPBSET_DROP = 24, GET_TSC = 25,
            SET_TSC = 26, GET_SECUREBITS = 27, SET_SECUREBITS = 28, SET_TIMERSLACK = 29, GET_TIMERSLACK = 30,
            TASK_PERF_EVENTS_DISABLE = 31, TASK_PERF_EVENTS_ENABLE = 32, MCE_KILL = 33, MCE_KILL_GET = 34, SET_MM = 35,
            SET_CHILD_SUBREAPER = 36, GET_CHILD_SUBREAPER = 37, SET_NO_NEW_PRIVS = 38, GET_TID_ADDRESS = 40,
            SET_THP_DISABLE = 41, SET_FP_MODE = 45, GET_FP_MODE = 46, CAP_AMBIENT = 47, SVE_SET_VL = 50, SVE_GET_VL = 51,
            GET_SPECULATION_CTRL = 52, SET_SPECULATION_CTRL = 53, PAC_RESET_KEYS = 54, SET_IO_FLUSHER = 57,
            SET_SYSCALL_USER_DISPATCH = 59, PAC_SET_ENABLED_KEYS = 60, SCHED_CORE = 62,
            SME_SET_VL = 63, SME_GET_VL = 64, SET_VMA = 0x53564d41, SET_PTRACER = 0x59616d61;

    private static final long AMBIENT_IS_SET = 1, AMBIENT_RAISE = 2, AMBIENT_LOWER = 3;
    private static final long MCE_KILL_SET = 1;
    private static final long SECCOMP_MODE_STRICT = 1, SECCOMP_MODE_FILTER = 2;
    private static final long VMA_ANON_NAME = 0;

    /** TASK_COMM_LEN: a task name is at most 15 bytes and its NUL. */
    public static final int COMM_LEN = 16;

    private PrctlText() {
    }

    /** The option as the kernel takes it: a C int. */
    private static int op(long option) {
        return (int) option;
    }

    /** What the tracer reads through argument {@code index} (1 for arg2) of {@code option}; {@code arg2} is the raw second argument. */
    public static Read read(long option, int index, long arg2) {
        int op = op(option);
        if (index == 1) {
            return switch (op) {
                case SET_NAME -> Read.COMM;
                case GET_NAME -> Read.COMM_OUT;
                case GET_PDEATHSIG, GET_UNALIGN, GET_FPEMU, GET_FPEXC, GET_ENDIAN, GET_CHILD_SUBREAPER, GET_TSC -> Read.INT_OUT;
                case GET_TID_ADDRESS -> Read.ADDR_OUT;
                default -> Read.NONE;
            };
        }
        if (index == 2 && op == SET_SECCOMP && arg2 == SECCOMP_MODE_FILTER) return Read.FPROG;
        if (index == 4 && op == SET_VMA && arg2 == VMA_ANON_NAME) return Read.STRING;
        return Read.NONE;
    }

    /** The option's text: its name, or strace's hex form with a comment. */
    static String option(long raw) {
        long op = raw & 0xffffffffL;
        return XlatText.value(ProcessConsts.PRCTL_OPTIONS, op, "PR_???");
    }

    /** How many of arg2..arg5 strace shows for the option (the kernel reads no more). */
    static int shown(long option, ArgValue[] args) {
        long arg2 = word(args, 1);
        return switch (op(option)) {
            case GET_DUMPABLE, GET_KEEPCAPS, GET_TIMING, GET_SECCOMP, GET_SECUREBITS, GET_TIMERSLACK,
                    TASK_PERF_EVENTS_DISABLE, TASK_PERF_EVENTS_ENABLE, GET_FP_MODE, SVE_GET_VL, SME_GET_VL -> 0;
            case SET_PDEATHSIG, GET_PDEATHSIG, SET_DUMPABLE, GET_UNALIGN, SET_UNALIGN, SET_KEEPCAPS, GET_FPEMU, SET_FPEMU,
                    GET_FPEXC, SET_FPEXC, SET_TIMING, SET_NAME, GET_NAME, GET_ENDIAN, SET_ENDIAN, CAPBSET_READ, CAPBSET_DROP,
                    GET_TSC, SET_TSC, SET_SECUREBITS, SET_TIMERSLACK, SET_CHILD_SUBREAPER, GET_CHILD_SUBREAPER,
                    GET_TID_ADDRESS, SET_FP_MODE, SVE_SET_VL, SME_SET_VL, GET_SPECULATION_CTRL, SET_PTRACER -> 1;
            case SET_SPECULATION_CTRL -> 2;
            case SET_SECCOMP -> arg2 == SECCOMP_MODE_STRICT ? 1 : arg2 == SECCOMP_MODE_FILTER ? 2 : 4;
            default -> 4;
        };
    }

    /** The text of argument {@code i} (1 for arg2) of a prctl call, {@code v} neither NULL nor unreadable. */
    static String argument(long option, int i, ArgValue[] args) {
        ArgValue v = args[i];
        long raw = v instanceof ArgValue.Num n ? n.value() : 0;
        if (v instanceof ArgValue.Bytes b) return ByteText.quoteData(b.bytes(), b.truncated());
        if (v instanceof ArgValue.Words w) return written(option, w.words());
        if (!(v instanceof ArgValue.Num)) return "?";
        long arg2 = word(args, 1);
        int op = op(option);
        if (i == 1) {
            return switch (op) {
                case SET_PDEATHSIG -> Long.compareUnsigned(raw, 128) > 0 ? Long.toUnsignedString(raw) : Signals.TABLE.render(raw);
                case SET_DUMPABLE -> XlatText.value(PrctlConsts.SUID_DUMP, raw, "SUID_DUMP_???");
                case SET_UNALIGN -> XlatText.flags(PrctlConsts.UNALIGN, raw, "PR_UNALIGN_???");
                case SET_KEEPCAPS, SET_FPEMU, SET_FPEXC, SET_TIMING, SET_ENDIAN, SET_CHILD_SUBREAPER, SET_NO_NEW_PRIVS,
                        SET_THP_DISABLE, SET_IO_FLUSHER -> Long.toUnsignedString(raw);
                case PAC_RESET_KEYS, PAC_SET_ENABLED_KEYS -> XlatText.flags(PrctlConsts.PAC_KEYS, raw, "PR_PAC_???");
                case CAPBSET_READ, CAPBSET_DROP -> capability(raw);
                case SET_TSC -> XlatText.value(PrctlConsts.TSC, raw, "PR_TSC_???");
                case SET_SECUREBITS -> XlatText.flags(PrctlConsts.SECBITS, raw, "SECBIT_???");
                case SET_TIMERSLACK -> Long.toString(raw);
                case SET_FP_MODE -> XlatText.flags(PrctlConsts.FP_MODE, raw, "PR_FP_MODE_???");
                case SVE_SET_VL -> PrctlConsts.SVE_VL.render(raw);
                case SME_SET_VL -> PrctlConsts.SME_VL.render(raw);
                case MCE_KILL -> XlatText.value(PrctlConsts.MCE_KILL_OPS, raw, "PR_MCE_KILL_???");
                case SET_MM -> XlatText.value(PrctlConsts.SET_MM_OPS, raw, "PR_SET_MM_???");
                case CAP_AMBIENT -> XlatText.value(PrctlConsts.CAP_AMBIENT_OPS, raw, "PR_CAP_AMBIENT_???");
                case GET_SPECULATION_CTRL, SET_SPECULATION_CTRL -> XlatText.value(PrctlConsts.SPEC_WHICH, raw, "PR_SPEC_???");
                case SET_SECCOMP -> XlatText.value(PrctlConsts.SECCOMP_MODES, raw, "SECCOMP_MODE_???");
                case SET_SYSCALL_USER_DISPATCH -> XlatText.value(PrctlConsts.SYS_DISPATCH, raw, "PR_SYS_DISPATCH_???");
                case SCHED_CORE -> XlatText.value(PrctlConsts.SCHED_CORE_OPS, raw, "PR_SCHED_CORE_???");
                case SET_VMA -> XlatText.value(PrctlConsts.VMA_ATTRS, raw, "PR_SET_VMA_???");
                case SET_PTRACER -> (int) raw == -1 ? "PR_SET_PTRACER_ANY" : Long.toUnsignedString(raw);
                // the rest, and a pointer that was not read (a failed PR_GET_NAME...): hex, as strace
                default -> StructLayouts.hex(raw);
            };
        }
        if (i == 2) {
            if (op == CAP_AMBIENT && (arg2 == AMBIENT_IS_SET || arg2 == AMBIENT_RAISE || arg2 == AMBIENT_LOWER)) return capability(raw);
            if (op == MCE_KILL && arg2 == MCE_KILL_SET) return XlatText.value(PrctlConsts.MCE_KILL_POLICIES, raw, "PR_MCE_KILL_???");
            if (op == SET_SPECULATION_CTRL && PrctlConsts.SPEC_WHICH.name(arg2) != null) {
                return XlatText.value(PrctlConsts.SPEC_CTRL, raw, "PR_SPEC_???");
            }
            if (op == SCHED_CORE) return Integer.toString((int) raw); // a pid
            if (op == PAC_SET_ENABLED_KEYS) return XlatText.flags(PrctlConsts.PAC_KEYS, raw, "PR_PAC_???");
        }
        if (i == 3 && op == SCHED_CORE) {
            String type = PrctlConsts.PIDTYPES.name(raw);
            return StructLayouts.hex(raw) + " /* " + (type != null ? type : "PIDTYPE_???") + " */";
        }
        if (i == 3 && op == SET_VMA && arg2 == VMA_ANON_NAME) return Long.toUnsignedString(raw); // a size
        if (i == 4 && (op == SCHED_CORE || op == SET_SYSCALL_USER_DISPATCH || (op == SET_VMA && arg2 == VMA_ANON_NAME))) {
            return raw == 0 ? "NULL" : StructLayouts.hex(raw); // a pointer
        }
        return StructLayouts.hex(raw);
    }

    /** What the tracer read through a pointer argument: an int or pointer written ({address, value}), or a sock_fprog. */
    private static String written(long option, long[] w) {
        int op = op(option);
        if (w.length == 3) return "{len=" + w[1] + ", filter=" + (w[2] == 0 ? "NULL" : StructLayouts.hex(w[2])) + "}";
        if (w.length != 2) return StructLayouts.hex(w.length > 0 ? w[0] : 0);
        long value = w[1];
        String text = switch (op) {
            case GET_PDEATHSIG -> Signals.TABLE.render(value & 0xffffffffL);
            case GET_TSC -> PrctlConsts.TSC.render(value & 0xffffffffL);
            case GET_UNALIGN -> PrctlConsts.UNALIGN.render(value & 0xffffffffL);
            case GET_TID_ADDRESS -> value == 0 ? "NULL" : StructLayouts.hex(value);
            default -> Long.toString(value & 0xffffffffL);
        };
        return "[" + text + "]";
    }

    /** The result's text when strace adds to it (null: the plain number), for a call that succeeded. */
    static String result(long option, ArgValue[] args, long res) {
        switch (op(option)) {
            case GET_DUMPABLE -> {
                String n = PrctlConsts.SUID_DUMP.name(res);
                return n != null ? res + " (" + n + ")" : null;
            }
            case MCE_KILL_GET -> {
                String n = PrctlConsts.MCE_KILL_POLICIES.name(res);
                return n != null ? res + " (" + n + ")" : null;
            }
            case GET_SECUREBITS -> {
                return res == 0 ? null : StructLayouts.hex(res) + " (" + PrctlConsts.SECBITS.render(res) + ")";
            }
            case GET_FP_MODE -> {
                return res == 0 ? null : StructLayouts.hex(res) + " (" + PrctlConsts.FP_MODE.render(res) + ")";
            }
            case GET_SPECULATION_CTRL -> {
                if (res == 0 || PrctlConsts.SPEC_WHICH.name(word(args, 1)) == null) return null;
                return StructLayouts.hex(res) + " (" + PrctlConsts.SPEC_STATE.render(res) + ")";
            }
            default -> {
                return null;
            }
        }
    }

    /** strace's text of a capability argument. */
    static String capability(long raw) {
        String n = raw >= 0 && raw < 64 ? Capabilities.BITS.name(raw) : null;
        return n != null ? n : StructLayouts.hex(raw) + " /* CAP_??? */";
    }

    /** The raw word of argument {@code i}, or -1 when it is not a plain number (a read value, absent). */
    private static long word(ArgValue[] args, int i) {
        return i < args.length && args[i] instanceof ArgValue.Num n ? n.value() : -1;
    }
}
