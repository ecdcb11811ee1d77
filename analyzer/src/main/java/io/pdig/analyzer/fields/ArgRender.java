package io.pdig.analyzer.fields;

import io.pdig.analyzer.state.FdInfo;
import io.pdig.analyzer.state.MessageVectors;
import io.pdig.analyzer.state.PathNames;
import io.pdig.analyzer.state.ProcessInfo;
import io.pdig.analyzer.state.SockAddrs;
import io.pdig.analyzer.state.StateView;
import io.pdig.analyzer.state.UserDirectory;
import io.pdig.model.consts.ArgNames;
import io.pdig.model.consts.Capabilities;
import io.pdig.model.consts.FalcoOpenFlags;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Arg;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.RetKind;
import io.pdig.model.syscall.Syscall;
import java.util.ArrayList;
import java.util.List;

/**
 * Falco-style rendering of a syscall event's parameters for evt.arg, evt.rawarg and evt.args.
 *
 * <p>Parameter list of an event, as Falco's exit events order them: the result ("fd" for calls
 * returning an fd, "res" otherwise) first, then the table row's arguments. evt.arg returns the
 * resolved form when there is one (flag names, errno names, "&lt;f&gt;/path" for fds, user names
 * for uids: so {@code evt.arg.uid=nobody} and {@code evt.arg.flags contains O_CREAT} work as in
 * Falco), evt.rawarg the raw value. For execve/execveat Falco's exit parameters that pdig learns
 * from the Exec event (exe, args, cwd, comm, env, flags = EXE_* ...) come from the process state.
 */
final class ArgRender {
    private ArgRender() {
    }

    private static final int AT_FDCWD = -100;

    /** evt.arg.NAME: resolved text, or null when the event has no such parameter or it was unreadable. */
    static String byName(EvalContext ctx, SyscallEvent s, String name) {
        Syscall row = s.syscall();
        if (isExec(row)) {
            String v = execParam(ctx, name);
            if (v != null || EXEC_PARAMS.contains(name)) {
                return v;
            }
        }
        if (row == null) {
            return null;
        }
        if (name.equals(row.resultName()) || name.equals("res_or_fd")) {
            return result(ctx, s, true);
        }
        if (name.equals("tuple") && row.argIndex("tuple") < 0) {
            // Falco's socket calls carry the connection tuple: pdig's is the fd's name
            FdInfo f = ctx.fd();
            return f != null && (f.kind().isIpSocket() || f.kind() == io.pdig.analyzer.state.FdKind.UNIX) ? f.name() : null;
        }
        int i = row.argIndex(name);
        if (i < 0) {
            String fromHow = openHowMember(row, s, name);
            if (fromHow != null) return fromHow;
            i = row.argIndex(alias(name));
        }
        if (i < 0 || i >= s.args().length) {
            return null;
        }
        return renderArg(ctx, s, i, true);
    }

    /**
     * Falco's openat2 event has flags, mode and resolve parameters; pdig stores the struct
     * open_how they come from (words: flags, mode, resolve), so rules written for Falco find them.
     */
    private static String openHowMember(Syscall row, SyscallEvent s, String name) {
        int member = switch (name) {
            case "flags" -> 0;
            case "mode" -> 1;
            case "resolve" -> 2;
            default -> -1;
        };
        if (member < 0) return null;
        for (int k = 0; k < row.args().size() && k < s.args().length; k++) {
            if (row.args().get(k).kind() == ArgKind.OPEN_HOW && s.args()[k] instanceof ArgValue.Words w
                    && w.words().length > member) {
                long v = w.words()[member];
                return switch (member) {
                    case 0 -> FalcoOpenFlags.render(v);
                    case 1 -> "0" + Long.toOctalString(v);
                    default -> Long.toString(v);
                };
            }
        }
        return null;
    }

    /** evt.rawarg.NAME: the raw value as text (numbers in decimal, paths as passed). */
    static String rawByName(EvalContext ctx, SyscallEvent s, String name) {
        Syscall row = s.syscall();
        if (row == null) {
            return null;
        }
        if (name.equals(row.resultName())) {
            return result(ctx, s, false);
        }
        int i = row.argIndex(name);
        if (i < 0 || i >= s.args().length) {
            return null;
        }
        return renderArg(ctx, s, i, false);
    }

    /** evt.arg[N]: N-th parameter (0 is the result). */
    static String byIndex(EvalContext ctx, SyscallEvent s, int n) {
        Syscall row = s.syscall();
        if (row == null || n < 0) {
            return null;
        }
        if (n == 0) {
            return result(ctx, s, true);
        }
        int i = n - 1;
        if (i >= s.args().length || i >= row.args().size() || !row.args().get(i).kind().isRegister()) {
            return null; // the tracer's own facts (connect's local address) are no Falco parameter
        }
        return renderArg(ctx, s, i, true);
    }

    /** evt.args: "name=raw(resolved) ..." over all parameters. */
    static String all(EvalContext ctx, SyscallEvent s) {
        Syscall row = s.syscall();
        StringBuilder b = new StringBuilder();
        List<String[]> params = new ArrayList<>();
        if (s.hasResult()) {
            params.add(new String[] {row != null ? row.resultName() : "res", result(ctx, s, false), result(ctx, s, true)});
        }
        for (int i = 0; i < s.args().length; i++) {
            Arg a = row != null && i < row.args().size() ? row.args().get(i) : null;
            if (a != null && !a.kind().isRegister()) continue; // no Falco parameter: fd.name shows it
            ArgKind kind = a != null ? a.kind() : ArgKind.HEX;
            String n = a != null ? a.name() : "arg" + i;
            params.add(new String[] {n, render(ctx, kind, s.args()[i], false),
                a != null ? renderArg(ctx, s, i, true) : render(ctx, kind, s.args()[i], true)});
        }
        for (String[] p : params) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(p[0]).append('=').append(p[1] == null ? "<NA>" : p[1]);
            if (p[2] != null && !p[2].equals(p[1])) {
                b.append('(').append(p[2]).append(')');
            }
        }
        return b.toString();
    }

    /** Falco parameter names that pdig's table spells differently. */
    private static String alias(String falcoName) {
        return switch (falcoName) {
            case "oldfd" -> "fd";
            default -> falcoName;
        };
    }

    static String result(EvalContext ctx, SyscallEvent s, boolean resolved) {
        if (!s.hasResult()) {
            return null;
        }
        long r = s.res();
        if (!resolved) {
            return Long.toString(r);
        }
        if (s.failed()) {
            return LocalNames.errnoName(-r);
        }
        Syscall row = s.syscall();
        if (row != null && row.ret() == RetKind.FD) {
            return fdText(ctx, r);
        }
        return Long.toString(r);
    }

    /**
     * Renders argument i of the event. A relative path the tracer did not resolve is resolved as
     * libsinsp does, against the nearest preceding dirfd argument of the row (or the cwd); a
     * symlink "target" is stored text, never resolved.
     */
    static String renderArg(EvalContext ctx, SyscallEvent s, int i, boolean resolved) {
        Syscall row = s.syscall();
        Arg a = row.args().get(i);
        ArgValue v = s.args()[i];
        if (resolved && v instanceof ArgValue.Path p && p.resolved() == null && p.raw() != null
                && !a.name().equals("target")) {
            String raw = PathNames.text(p.raw());
            if (raw.startsWith("/")) {
                return PathNames.normalize(raw);
            }
            if (raw.isEmpty()) {
                return raw; // names no file (the tracer resolves AT_EMPTY_PATH's dirfd itself)
            }
            String base = baseFor(ctx, s, row, i);
            return base == null ? raw : PathNames.resolve(base, raw);
        }
        return render(ctx, a.kind(), v, resolved);
    }

    private static String baseFor(EvalContext ctx, SyscallEvent s, Syscall row, int pathIndex) {
        ProcessInfo p = ctx.process();
        for (int j = pathIndex - 1; j >= 0; j--) {
            if (row.args().get(j).kind() == ArgKind.DIRFD) {
                if (!(s.args()[j] instanceof ArgValue.Num n)) {
                    return null;
                }
                if ((int) n.value() == AT_FDCWD) {
                    break;
                }
                FdInfo d = p == null || p.fds() == null ? null : p.fds().get((int) n.value());
                return d == null ? null : d.name();
            }
        }
        return p == null ? null : p.cwd();
    }

    /**
     * Kinds whose raw number is an address (or a word shown in hex): a Num of these renders as
     * 0x..., as Falco shows pointers, whether or not the tracer read what it points to.
     */
    private static final java.util.Set<ArgKind> NUMBER_AS_ADDRESS = java.util.EnumSet.of(
            ArgKind.HEX, ArgKind.PTR, ArgKind.DATA, ArgKind.DATA_OUT, ArgKind.IOVEC, ArgKind.IOVEC_OUT,
            ArgKind.MSGHDR, ArgKind.MSGHDR_OUT, ArgKind.FCNTL_ARG, ArgKind.FUTEX_VAL2, ArgKind.FUTEX_VAL3,
            ArgKind.SOCKLEN_INOUT, ArgKind.ENVP, ArgKind.SOCKOPT_VAL, ArgKind.SIGSET, ArgKind.SIGSET_OUT,
            ArgKind.STAT_OUT, ArgKind.SIGACTION, ArgKind.SIGACTION_OUT, ArgKind.WAIT_STATUS_OUT, ArgKind.RLIMIT,
            ArgKind.RLIMIT_OUT, ArgKind.STATX_OUT, ArgKind.PATH_OUT, ArgKind.DIRENTS_OUT, ArgKind.UTSNAME_OUT,
            ArgKind.SYSINFO_OUT, ArgKind.SIGRETURN_MASK, ArgKind.CLONE_PARENT_TID, ArgKind.RANDOM_OUT,
            ArgKind.LOFF_PTR, ArgKind.TIMESPEC, ArgKind.GID_LIST_OUT, ArgKind.CPU_SET_OUT, ArgKind.POLLFDS,
            ArgKind.IOCTL_ARG, ArgKind.MMSGHDR, ArgKind.MMSGHDR_OUT, ArgKind.TIMESPEC_INOUT, ArgKind.EPOLL_EVENT, ArgKind.EPOLL_EVENTS_OUT, ArgKind.TIMESPEC_REM, ArgKind.GID_LIST, ArgKind.STATFS_OUT, ArgKind.STACK_T, ArgKind.STACK_T_OUT, ArgKind.ID_OUT, ArgKind.PRCTL_ARG, ArgKind.CAP_HEADER, ArgKind.CAP_DATA_OUT, ArgKind.SIGEVENT, ArgKind.ITIMERSPEC, ArgKind.ITIMERSPEC_OUT, ArgKind.MPOL_MODE_OUT, ArgKind.NODEMASK, ArgKind.NODEMASK_OUT, ArgKind.TIMESPEC_PAIR);

    /**
     * Kinds decoded as Words whose first word is the address the tracer read (the rest is what it
     * found there): Falco's parameter text is that address, as before these kinds were read.
     */
    private static final java.util.Set<ArgKind> WORDS_LEAD_WITH_ADDRESS = java.util.EnumSet.of(
            ArgKind.ENVP, ArgKind.SOCKOPT_VAL, ArgKind.STAT_OUT, ArgKind.SIGACTION, ArgKind.SIGACTION_OUT,
            ArgKind.WAIT_STATUS_OUT, ArgKind.RLIMIT, ArgKind.RLIMIT_OUT, ArgKind.STATX_OUT, ArgKind.DIRENTS_OUT,
            ArgKind.SYSINFO_OUT, ArgKind.SIGRETURN_MASK, ArgKind.CLONE_PARENT_TID, ArgKind.LOFF_PTR,
            ArgKind.TIMESPEC, ArgKind.GID_LIST_OUT, ArgKind.CPU_SET_OUT, ArgKind.POLLFDS, ArgKind.IOCTL_ARG,
            ArgKind.TIMESPEC_INOUT, ArgKind.EPOLL_EVENT, ArgKind.EPOLL_EVENTS_OUT, ArgKind.TIMESPEC_REM, ArgKind.GID_LIST, ArgKind.STATFS_OUT, ArgKind.FUTEX_VAL2, ArgKind.STACK_T, ArgKind.STACK_T_OUT, ArgKind.ID_OUT, ArgKind.PRCTL_ARG, ArgKind.CAP_HEADER, ArgKind.SIGEVENT, ArgKind.ITIMERSPEC, ArgKind.ITIMERSPEC_OUT, ArgKind.MPOL_MODE_OUT, ArgKind.NODEMASK, ArgKind.NODEMASK_OUT, ArgKind.TIMESPEC_PAIR);

    static String render(EvalContext ctx, ArgKind kind, ArgValue v, boolean resolved) {
        if (v instanceof ArgValue.Num n) {
            long x = n.value();
            if (!resolved) {
                // SOCKLEN_INOUT as a Num is its pointer (its lengths were not read)
                return NUMBER_AS_ADDRESS.contains(kind) ? "0x" + Long.toHexString(x) : Long.toString(x);
            }
            return switch (kind) {
                case FD -> fdText(ctx, x);
                case DIRFD -> (int) x == AT_FDCWD ? "AT_FDCWD" : fdText(ctx, x);
                case PID -> pidText(ctx, x);
                case UID -> uidText(ctx, x);
                case GID -> gidText(ctx, x);
                case OPEN_FLAGS -> FalcoOpenFlags.render(x & 0xffffffffL);
                case MODE -> LocalNames.mode(x);
                default -> {
                    if (NUMBER_AS_ADDRESS.contains(kind)) yield "0x" + Long.toHexString(x);
                    String names = ArgNames.renderFalco(kind, x);
                    yield names != null ? names : Long.toString(x);
                }
            };
        }
        if (v instanceof ArgValue.Path p) {
            String raw = PathNames.text(p.raw());
            if (!resolved) {
                return raw;
            }
            return p.resolved() != null ? PathNames.text(p.resolved()) : raw;
        }
        if (v instanceof ArgValue.Bytes b) {
            return PathNames.text(b.bytes());
        }
        if (v instanceof ArgValue.IoVec iov) {
            return PathNames.text(iov.data()); // the segments' captured bytes, as evt.buffer
        }
        if (v instanceof ArgValue.MsgHdr m) {
            // sendmsg/recvmsg's data, as Falco's data parameter of these calls and evt.buffer
            return m.iov() != null ? PathNames.text(m.iov().data()) : null;
        }
        if (v instanceof ArgValue.MMsgHdrs m) {
            // sendmmsg/recvmmsg's: every message's data read, one after another
            return PathNames.text(MessageVectors.data(m, m.msgs().length));
        }
        if (v instanceof ArgValue.StrList l) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.items().size(); i++) {
                if (sb.length() > 0) sb.append(' ');
                // An item the tracer could not read shows as its pointer, as in the strace form.
                sb.append(l.isUnreadable(i) ? "0x" + Long.toHexString(l.unreadableAddress(i)) : PathNames.text(l.items().get(i)));
            }
            return sb.toString();
        }
        if (v instanceof ArgValue.SockAddr sa) {
            SockAddrs.Endpoint e = SockAddrs.decode(sa.bytes());
            return e == null ? null : e.text();
        }
        if (v instanceof ArgValue.FdPair fp) {
            return fp.first() + " " + fp.second();
        }
        if (v instanceof ArgValue.Words w) {
            if (kind == ArgKind.OPEN_HOW && w.words().length > 0 && resolved) {
                return FalcoOpenFlags.render(w.words()[0]);
            }
            if (WORDS_LEAD_WITH_ADDRESS.contains(kind) && w.words().length > 0) {
                return "0x" + Long.toHexString(w.words()[0]); // the address, as before envp was counted
            }
            StringBuilder sb = new StringBuilder();
            for (long word : w.words()) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(word);
            }
            return sb.toString();
        }
        return null; // Null pointer or unreadable memory: no value
    }

    private static String fdText(EvalContext ctx, long fd) {
        ProcessInfo p = ctx.process();
        FdInfo f = p != null && p.fds() != null && fd >= 0 && fd <= Integer.MAX_VALUE ? p.fds().get((int) fd) : null;
        if (f == null) {
            return Long.toString(fd);
        }
        return "<" + f.kind().typeChar + ">" + (f.name() == null ? "" : f.name());
    }

    private static String pidText(EvalContext ctx, long pid) {
        StateView st = ctx.state();
        ProcessInfo p = st != null ? st.process((int) pid) : null;
        // A process whose name pdig could not read (an ancestor's unreadable exe) keeps its number.
        return p != null && p.comm() != null && !p.comm().isEmpty() ? p.comm() : Long.toString(pid);
    }

    private static String uidText(EvalContext ctx, long uid) {
        StateView st = ctx.state();
        UserDirectory.User u = st != null && st.users() != null ? st.users().user((int) uid) : null;
        return u != null ? u.name() : Long.toString(uid);
    }

    private static String gidText(EvalContext ctx, long gid) {
        StateView st = ctx.state();
        String g = st != null && st.users() != null ? st.users().groupName((int) gid) : null;
        return g != null ? g : Long.toString(gid);
    }

    private static boolean isExec(Syscall row) {
        return row != null && (row.name().equals("execve") || row.name().equals("execveat"));
    }

    private static final java.util.Set<String> EXEC_PARAMS = java.util.Set.of("exe", "args", "tid", "pid", "ptid",
            "cwd", "comm", "cgroups", "env", "tty", "pgid", "vpgid", "loginuid", "flags", "cap_inheritable",
            "cap_permitted", "cap_effective", "uid", "gid", "trusted_exepath");

    /** Falco's execve exit parameters that come from the process state, or null. */
    private static String execParam(EvalContext ctx, String name) {
        ProcessInfo p = ctx.process();
        if (p == null || !EXEC_PARAMS.contains(name)) {
            return null;
        }
        return switch (name) {
            case "exe" -> p.exe();
            case "args" -> p.argsLine();
            case "tid" -> Integer.toString(ctx.event().tid());
            case "pid" -> Integer.toString(p.pid());
            case "ptid" -> Integer.toString(p.ppid());
            case "cwd" -> p.cwd();
            case "comm" -> p.comm();
            case "cgroups" -> p.cgroup();
            case "env" -> String.join(" ", p.env());
            case "tty" -> str(p.tty());
            case "pgid", "vpgid" -> str(p.pgid());
            case "loginuid" -> str(p.loginUid());
            case "flags" -> p.execKnown() ? LocalNames.exeFlags(exeFlags(p)) : null;
            case "cap_inheritable" -> p.cap(0) == null ? null : Capabilities.falco(p.cap(0));
            case "cap_permitted" -> p.cap(1) == null ? null : Capabilities.falco(p.cap(1));
            case "cap_effective" -> p.cap(2) == null ? null : Capabilities.falco(p.cap(2));
            case "uid" -> p.euid() == null ? null : uidText(ctx, p.euid());
            case "gid" -> p.egid() == null ? null : gidText(ctx, p.egid());
            case "trusted_exepath" -> p.exePath();
            default -> null;
        };
    }

    /**
     * Falco's execve exit flags from the exec snapshot. EXE_WRITABLE needs the exe inode facts
     * (schema v6), the layer flags their layer (v7), as the proc.is_exe_*_layer fields say it; an
     * unknown layer sets neither.
     */
    private static int exeFlags(ProcessInfo p) {
        return (p.exeFile() != null && p.exeFile().writable() ? LocalNames.EXE_WRITABLE : 0)
                | (Boolean.TRUE.equals(ProcFields.exeUpperLayer(p)) ? LocalNames.EXE_UPPER_LAYER : 0)
                | (p.exeFromMemfd() ? LocalNames.EXE_FROM_MEMFD : 0)
                | (Boolean.TRUE.equals(ProcFields.exeLowerLayer(p)) ? LocalNames.EXE_LOWER_LAYER : 0);
    }

    private static String str(Integer i) {
        return i == null ? null : i.toString();
    }
}
