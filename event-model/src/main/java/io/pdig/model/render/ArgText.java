package io.pdig.model.render;

import io.pdig.model.consts.ArgNames;
import io.pdig.model.consts.Capabilities;
import io.pdig.model.consts.FileConsts;
import io.pdig.model.consts.MemoryConsts;
import io.pdig.model.consts.ProcessConsts;
import io.pdig.model.consts.NameTable;
import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.Arg;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;

/** strace-style text of one syscall argument, chosen by its stored shape and its table kind. */
public final class ArgText {

    private ArgText() {
    }

    /**
     * The text of argument {@code i} of a call ({@code row} null for an unknown syscall, whose
     * arguments are shown as hex words). All arguments are passed because a few renderings depend
     * on a sibling (see {@link ArgNames#table(Syscall, int, ArgValue[])}).
     */
    public static String of(Syscall row, ArgValue[] args, int i) {
        ArgValue v = args[i];
        ArgKind kind = row != null && i < row.args().size() ? row.args().get(i).kind() : ArgKind.HEX;
        if (v == null) return "?";
        if (v instanceof ArgValue.Null) return "NULL";
        if (v instanceof ArgValue.Unreadable u && kind == ArgKind.SIGRETURN_MASK) return "{mask=" + StructLayouts.hex(u.address()) + "}";
        if (v instanceof ArgValue.Unreadable u) return StructLayouts.hex(u.address());
        Long prctl = row != null ? prctlOption(row, args) : null;
        if (prctl != null && i == 0) return PrctlText.option(prctl);
        if (prctl != null && i < row.args().size()) return PrctlText.argument(prctl, i, args);
        if (v instanceof ArgValue.Bytes b && kind == ArgKind.RANDOM_OUT) return ByteText.hexData(b.bytes(), b.truncated());
        if (v instanceof ArgValue.Bytes b && (kind == ArgKind.DATA || kind == ArgKind.DATA_OUT)) {
            return ByteText.quoteData(b.bytes(), b.truncated());
        }
        if (v instanceof ArgValue.Bytes b) return ByteText.quote(b.bytes(), b.truncated());
        if (v instanceof ArgValue.IoVec iov) return IoVecText.strace(iov);
        if (v instanceof ArgValue.MsgHdr m) return MsgHdrText.strace(m);
        if (v instanceof ArgValue.MMsgHdrs m) return MMsgHdrText.strace(m);
        if (v instanceof ArgValue.Path p) return ByteText.quote(p.raw(), p.truncated());
        if (v instanceof ArgValue.StrList l && kind == ArgKind.UTSNAME_OUT && l.items().size() == 2) {
            // strace without -v: the first two fields, then "..." for the other four
            return "{sysname=" + ByteText.quote(l.items().get(0), false) + ", nodename="
                    + ByteText.quote(l.items().get(1), false) + ", ...}";
        }
        if (v instanceof ArgValue.StrList l) {
            return ByteText.quoteList(l.items(), l.truncated(), l::isCut,
                    k -> l.isUnreadable(k) ? StructLayouts.hex(l.unreadableAddress(k)) : null);
        }
        if (v instanceof ArgValue.SockAddr s) return SockAddrs.strace(s.bytes());
        if (v instanceof ArgValue.FdPair f) return "[" + f.first() + ", " + f.second() + "]";
        if (v instanceof ArgValue.Words w && kind == ArgKind.SOCKLEN_INOUT) return socklen(w.words());
        if (v instanceof ArgValue.Words w && kind == ArgKind.ENVP) return envp(w.words());
        if (v instanceof ArgValue.Words w && (kind == ArgKind.SIGSET || kind == ArgKind.SIGSET_OUT) && w.words().length == 1) {
            return SigSets.strace(w.words()[0]);
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.LOFF_PTR && w.words().length == 2) {
            return "[" + w.words()[1] + "]";
        }
        if (v instanceof ArgValue.Words w && (kind == ArgKind.TIMESPEC || kind == ArgKind.TIMESPEC_REM
                || kind == ArgKind.FUTEX_VAL2) && w.words().length >= 3) {
            return "{tv_sec=" + w.words()[1] + ", tv_nsec=" + w.words()[2] + "}";
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.TIMESPEC_INOUT && (w.words().length == 3 || w.words().length == 5)) {
            // the value passed; what the kernel left in it goes after the result (MMsgHdrText.result)
            return "{tv_sec=" + w.words()[1] + ", tv_nsec=" + w.words()[2] + "}";
        }
        if (v instanceof ArgValue.Words w && (kind == ArgKind.GID_LIST_OUT || kind == ArgKind.GID_LIST) && w.words().length >= 2) {
            long[] g = w.words();
            StringBuilder sb = new StringBuilder("[");
            for (int k = 2; k < g.length; k++) sb.append(k > 2 ? ", " : "").append(g[k]);
            if (g[1] > g.length - 2) sb.append(g.length > 2 ? ", ..." : "...");
            return sb.append(']').toString();
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.IOCTL_ARG && w.words().length == 2) {
            return "[" + (int) w.words()[1] + "]"; // the int behind the pointer (FIONREAD's, FIONBIO's...), as strace shows it
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.EPOLL_EVENT && w.words().length == 3) return EpollEvents.given(w.words());
        if (v instanceof ArgValue.Words w && kind == ArgKind.EPOLL_EVENTS_OUT && w.words().length >= 2) return EpollEvents.returned(w.words());
        if (v instanceof ArgValue.Words w && kind == ArgKind.POLLFDS && w.words().length >= 2) {
            return PollFds.given(w.words());
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.CPU_SET_OUT && w.words().length >= 2) {
            // the CPUs whose bits are set, lowest first, space-separated as strace lists them
            long[] m = w.words();
            StringBuilder sb = new StringBuilder("[");
            for (int k = 2; k < m.length; k++) {
                for (int b = 0; b < 64; b++) {
                    if ((m[k] >>> b & 1) != 0) sb.append(sb.length() > 1 ? " " : "").append((k - 2) * 64 + b);
                }
            }
            if (m[1] > (m.length - 2) * 8L) sb.append(sb.length() > 1 ? " ..." : "...");
            return sb.append(']').toString();
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.CLONE_PARENT_TID && w.words().length == 2) {
            return "[" + (int) w.words()[1] + "]"; // an int the kernel wrote, as strace shows it
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.SIGRETURN_MASK && w.words().length == 2) {
            return "{mask=" + SigSets.strace(w.words()[1]) + "}";
        }
        if (v instanceof ArgValue.Words w && (kind == ArgKind.SIGACTION || kind == ArgKind.SIGACTION_OUT) && w.words().length == 5) {
            return SigActions.strace(w.words());
        }
        if (v instanceof ArgValue.Words w && (kind == ArgKind.RLIMIT || kind == ArgKind.RLIMIT_OUT) && w.words().length == 3) {
            return RLimits.strace(w.words()[1], w.words()[2]);
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.WAIT_STATUS_OUT && w.words().length == 2) {
            return WaitStatuses.strace(w.words()[1]);
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.STATX_OUT && w.words().length == 5) {
            return StatBufs.straceStatx(w.words());
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.STAT_OUT && w.words().length == 4) {
            return StatBufs.strace(w.words()[1], w.words()[2], w.words()[3]);
        }
        if (v instanceof ArgValue.Words w && (kind == ArgKind.STACK_T || kind == ArgKind.STACK_T_OUT) && w.words().length == 4) {
            long[] s = w.words();
            return "{ss_sp=" + (s[1] == 0 ? "NULL" : StructLayouts.hex(s[1])) + ", ss_flags=" + ProcessConsts.SS_FLAGS.render(s[2])
                    + ", ss_size=" + Long.toUnsignedString(s[3]) + "}";
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.ID_OUT && w.words().length == 2) {
            return "[" + ((int) w.words()[1] == -1 ? "-1" : Long.toString(w.words()[1] & 0xffffffffL)) + "]";
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.SIGEVENT && w.words().length == TimerText.SIGEVENT_WORDS) {
            return TimerText.sigevent(w.words());
        }
        if (v instanceof ArgValue.Words w && (kind == ArgKind.ITIMERSPEC || kind == ArgKind.ITIMERSPEC_OUT)
                && w.words().length == TimerText.ITIMERSPEC_WORDS) {
            return TimerText.itimerspec(w.words());
        }
        if (v instanceof ArgValue.Words w && (kind == ArgKind.NODEMASK || kind == ArgKind.NODEMASK_OUT) && w.words().length >= 2) {
            return MempolicyText.nodemask(w.words());
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.MPOL_MODE_OUT && w.words().length == 2) {
            return "[" + MempolicyText.mode(w.words()[1]) + "]";
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.TIMESPEC_PAIR && w.words().length == UtimeText.WORDS) {
            return UtimeText.times(w.words());
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.CAP_HEADER && w.words().length == 3) {
            return "{version=" + capVersion(w.words()[1]) + ", pid=" + w.words()[2] + "}";
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.STATFS_OUT && w.words().length == StatFs.WORDS) return StatFs.strace(w.words());
        if (v instanceof ArgValue.Words w && kind == ArgKind.SYSINFO_OUT && w.words().length == SysInfos.WORDS) {
            return SysInfos.strace(w.words());
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.DIRENTS_OUT && w.words().length == 2) {
            // strace's comment says "entries" whatever the number, "1 entries" too
            return StructLayouts.hex(w.words()[0]) + " /* " + w.words()[1] + " entries */";
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.SOCKOPT_VAL && w.words().length == 2) {
            return "[" + (int) w.words()[1] + "]"; // an int option, as strace shows it
        }
        if (v instanceof ArgValue.Words w && kind == ArgKind.CLONE_ARGS && row != null) {
            return StructLayouts.strace(kind, w.words()) + CloneText.clone3Written(row, args, w.words());
        }
        if (v instanceof ArgValue.Words w) return StructLayouts.strace(kind, w.words());
        long raw = ((ArgValue.Num) v).value();
        if ((kind == ArgKind.FUTEX_OP || kind == ArgKind.FUTEX_VAL2 || kind == ArgKind.FUTEX_VAL3) && row != null) {
            Long op = futexOperation(row, args);
            if (op != null && kind == ArgKind.FUTEX_OP) return FutexText.operation(op);
            if (op != null && kind == ArgKind.FUTEX_VAL2) return FutexText.fourth(op, raw);
            if (op != null) return FutexText.sixth(op, raw);
        }
        if (kind == ArgKind.IOCTL_ARG && row != null) {
            Long request = ioctlRequest(row, args);
            if (request != null) return IoctlText.argument(request, raw);
        }
        if (kind == ArgKind.FCNTL_ARG && row != null) {
            Long cmd = fcntlCommand(row, args);
            if (cmd != null) return FcntlText.argument(cmd, raw);
        }
        // A journal written before its row existed holds the generic row's six words: those past
        // the row's arguments have no kind, so no table (they print as HEX, as they did then).
        NameTable t = row != null && i < row.args().size() ? ArgNames.table(row, i, args) : null;
        if (kind == ArgKind.IOCTL_REQUEST && t != null) return IoctlText.request(ArgNames.normalize(kind, raw));
        if (kind == ArgKind.MPOL_MODE) return MempolicyText.mode(raw);
        if (t != null) return XlatText.of(t, ArgNames.normalize(kind, raw), ArgNames.isCInt(kind));
        return number(kind, raw);
    }

    /**
     * strace's address length: {@code [in]} when the kernel returned what the caller gave (or the
     * call failed, {in} only), {@code [in => out]} when it differs (a buffer shorter than the
     * address: the kernel wrote {@code in} bytes and returned the full length). socklen_t is
     * printed as strace prints it, a C int.
     */
    private static String socklen(long[] w) {
        if (w.length == 0) return "[]";
        int in = (int) w[0];
        if (w.length == 1 || (int) w[1] == in) return "[" + in + "]";
        return "[" + in + " => " + (int) w[1] + "]";
    }

    /** strace's envp: the address and how many variables it holds ({@code /* 1 var *}{@code /}). */
    private static String envp(long[] w) {
        if (w.length < 2) return w.length == 0 ? "?" : StructLayouts.hex(w[0]);
        return StructLayouts.hex(w[0]) + " /* " + w[1] + (w[1] == 1 ? " var" : " vars") + " */";
    }

    /** A capability header's version: its name, or strace's {@code 0 /* _LINUX_CAPABILITY_VERSION_??? *}{@code /}. */
    static String capVersion(long version) {
        return XlatText.value(Capabilities.VERSIONS, version & 0xffffffffL, "_LINUX_CAPABILITY_VERSION_???");
    }

    /** A number of a kind without a name table: decimal, unsigned decimal, hex or octal. */
    public static String number(ArgKind kind, long raw) {
        return switch (kind) {
            case FD, DIRFD, PID, UID, GID, SIGNAL, SOCKOPT_LEVEL, SOCKOPT_NAME -> Long.toString(ArgNames.normalize(kind, raw));
            case INT -> Long.toString(intValue(raw));
            case SIZE -> Long.toUnsignedString(raw);
            case MODE -> Modes.octal(ArgNames.normalize(kind, raw));
            case PTR, DATA, DATA_OUT, IOVEC, IOVEC_OUT, WAIT_STATUS_OUT, RLIMIT, RLIMIT_OUT, STATX_OUT, PATH_OUT, DIRENTS_OUT, UTSNAME_OUT, SYSINFO_OUT, RANDOM_OUT, LOFF_PTR, MSGHDR, MSGHDR_OUT, TIMESPEC, GID_LIST_OUT, CPU_SET_OUT, POLLFDS, MMSGHDR, MMSGHDR_OUT, TIMESPEC_INOUT, EPOLL_EVENT, EPOLL_EVENTS_OUT, TIMESPEC_REM, GID_LIST, STATFS_OUT, STACK_T, STACK_T_OUT, ID_OUT, CAP_HEADER, CAP_DATA_OUT, SIGEVENT, ITIMERSPEC, ITIMERSPEC_OUT, MPOL_MODE_OUT, NODEMASK, NODEMASK_OUT, TIMESPEC_PAIR -> raw == 0 ? "NULL" : StructLayouts.hex(raw);
            default -> StructLayouts.hex(raw);
        };
    }

    /**
     * A signed integer argument. The table calls both C ints and 64-bit offsets INT, and a C int
     * may reach us zero-extended: a value whose upper half is zero and whose bit 31 is set is
     * shown sign-extended (-1, not 4294967295). Known cost: a 64-bit offset between 2 and 4 GiB
     * prints negative; the stored raw value is unaffected.
     */
    public static long intValue(long raw) {
        return (raw >>> 32) == 0 && (raw & 0x80000000L) != 0 ? (int) raw : raw;
    }

    /** The operation of a row with a FUTEX_OP argument, or null. */
    private static Long futexOperation(Syscall row, ArgValue[] args) {
        for (int k = 0; k < row.args().size() && k < args.length; k++) {
            if (row.args().get(k).kind() == ArgKind.FUTEX_OP && args[k] instanceof ArgValue.Num n) return n.value();
        }
        return null;
    }

    /** The request of a row with an IOCTL_REQUEST argument (the 32 bits the kernel takes), or null. */
    private static Long ioctlRequest(Syscall row, ArgValue[] args) {
        for (int k = 0; k < row.args().size() && k < args.length; k++) {
            if (row.args().get(k).kind() == ArgKind.IOCTL_REQUEST && args[k] instanceof ArgValue.Num n) {
                return ArgNames.normalize(ArgKind.IOCTL_REQUEST, n.value());
            }
        }
        return null;
    }

    /** The option of a row whose first argument is a PRCTL_OPTION (prctl's shape), or null. */
    static Long prctlOption(Syscall row, ArgValue[] args) {
        if (row.args().isEmpty() || row.args().get(0).kind() != ArgKind.PRCTL_OPTION) return null;
        return args.length > 0 && args[0] instanceof ArgValue.Num n ? n.value() : null;
    }

    /** The command of a row with a FCNTL_CMD argument (as the kernel reads it, a C int), or null. */
    public static Long fcntlCommand(Syscall row, ArgValue[] args) {
        for (int k = 0; k < row.args().size() && k < args.length; k++) {
            if (row.args().get(k).kind() == ArgKind.FCNTL_CMD && args[k] instanceof ArgValue.Num n) {
                return ArgNames.normalize(ArgKind.FCNTL_CMD, n.value());
            }
        }
        return null;
    }

    /**
     * True when strace leaves the argument out: the mode of open/openat is printed only when the
     * flags create a file (O_CREAT or O_TMPFILE), found from the row's shape, not its name; fcntl's
     * argument under a command that reads none; futex's arguments its operation does not read;
     * prctl's arguments its option does not read; the preadv
     * family's high offset half; ioctl's argument under a request that takes none (FIOCLEX). What the tracer read on its own (connect's local address, kinds
     * that are no register) is no argument strace shows, and strace does not print it: left out too.
     */
    public static boolean omitted(Syscall row, int i, ArgValue[] args) {
        if (row == null || i >= row.args().size()) return false;
        if (!row.args().get(i).kind().isRegister()) return true;
        if (row.args().get(i).kind() == ArgKind.POS_HIGH) return true; // x86_64 ignores it; strace shows one offset
        Long futex = futexOperation(row, args);
        if (futex != null) return !FutexText.shown(futex, i);
        Long option = prctlOption(row, args);
        if (option != null) return i > PrctlText.shown(option, args); // what the option reads
        if (row.args().get(i).kind() == ArgKind.FCNTL_ARG) {
            Long cmd = fcntlCommand(row, args);
            return cmd != null && FcntlText.takesNoArgument(cmd);
        }
        if (row.args().get(i).kind() == ArgKind.IOCTL_ARG) {
            Long request = ioctlRequest(row, args);
            return request != null && IoctlText.takesNoArgument(request);
        }
        if (row.args().get(i).kind() != ArgKind.MODE) return false;
        for (int k = 0; k < row.args().size() && k < args.length; k++) {
            Arg a = row.args().get(k);
            if (a.kind() == ArgKind.OPEN_FLAGS && args[k] instanceof ArgValue.Num n) {
                long flags = n.value();
                boolean creates = (flags & FileConsts.O_CREAT) != 0
                        || (flags & FileConsts.O_TMPFILE) == FileConsts.O_TMPFILE;
                return !creates;
            }
        }
        return false;
    }
}
