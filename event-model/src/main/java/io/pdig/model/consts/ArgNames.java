package io.pdig.model.consts;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which name table renders which {@link ArgKind}, and how wide each
 * kind's kernel value is. Renderers (strace text, JSON, Falco's evt.arg) ask here; none of them
 * switches on syscall names.
 */
public final class ArgNames {

    private static final Map<ArgKind, NameTable> TABLES;

    static {
        Map<ArgKind, NameTable> m = new EnumMap<>(ArgKind.class);
        m.put(ArgKind.DIRFD, FileConsts.DIRFD);
        m.put(ArgKind.SIGNAL, Signals.TABLE);
        m.put(ArgKind.OPEN_FLAGS, FileConsts.OPEN_FLAGS);
        m.put(ArgKind.AT_FLAGS, FileConsts.AT_FLAGS);
        m.put(ArgKind.ACCESS_MODE, FileConsts.ACCESS_MODES);
        m.put(ArgKind.SOCKET_FAMILY, NetConsts.FAMILIES);
        m.put(ArgKind.SOCKET_TYPE, NetConsts.TYPE_AND_FLAGS);
        m.put(ArgKind.PROTOCOL, NetConsts.PROTOCOLS);
        m.put(ArgKind.PTRACE_REQUEST, ProcessConsts.PTRACE_REQUESTS);
        m.put(ArgKind.CLONE_FLAGS, ProcessConsts.CLONE_FLAGS);
        m.put(ArgKind.PRCTL_OPTION, ProcessConsts.PRCTL_OPTIONS);
        m.put(ArgKind.FCNTL_CMD, FileConsts.FCNTL_CMDS);
        m.put(ArgKind.RENAME_FLAGS, FileConsts.RENAME_FLAGS);
        m.put(ArgKind.MEMFD_FLAGS, FileConsts.MEMFD_FLAGS);
        m.put(ArgKind.GRND_FLAGS, FileConsts.GRND_FLAGS);
        m.put(ArgKind.FADV_ADVICE, FileConsts.FADV_ADVICE);
        m.put(ArgKind.MADV_ADVICE, MemoryConsts.MADV_ADVICE);
        m.put(ArgKind.SECCOMP_OP, ProcessConsts.SECCOMP_OPS);
        m.put(ArgKind.BPF_CMD, ProcessConsts.BPF_CMDS);
        m.put(ArgKind.MMAP_PROT, MemoryConsts.PROT);
        m.put(ArgKind.MMAP_FLAGS, MemoryConsts.MAP_FLAGS);
        m.put(ArgKind.NS_FLAGS, ProcessConsts.NS_FLAGS);
        m.put(ArgKind.SOCKOPT_LEVEL, SockoptConsts.LEVELS);
        m.put(ArgKind.MSG_FLAGS, SockoptConsts.MSG_FLAGS);
        m.put(ArgKind.SIGPROCMASK_HOW, ProcessConsts.SIGPROCMASK_HOW);
        m.put(ArgKind.SEEK_WHENCE, FileConsts.SEEK_WHENCE);
        m.put(ArgKind.IOCTL_REQUEST, FileConsts.IOCTL_REQUESTS);
        m.put(ArgKind.ARCH_PRCTL_CODE, ProcessConsts.ARCH_PRCTL_CODES);
        m.put(ArgKind.RLIMIT_RESOURCE, ProcessConsts.RLIMIT_RESOURCES);
        m.put(ArgKind.WAIT_OPTIONS, ProcessConsts.WAIT_OPTIONS);
        m.put(ArgKind.STATX_MASK, FileConsts.STATX_MASKS);
        m.put(ArgKind.RWF_FLAGS, FileConsts.RWF_FLAGS);
        m.put(ArgKind.CLOCK_ID, ProcessConsts.CLOCK_IDS);
        m.put(ArgKind.TIMER_FLAGS, ProcessConsts.TIMER_FLAGS);
        m.put(ArgKind.EPOLL_FLAGS, FileConsts.EPOLL_FLAGS);
        m.put(ArgKind.EPOLL_CTL_OP, FileConsts.EPOLL_CTL_OPS);
        m.put(ArgKind.FLOCK_OP, FileConsts.FLOCK_OPS);
        m.put(ArgKind.MPOL_GET_FLAGS, MemoryConsts.MPOL_GET_FLAGS);
        m.put(ArgKind.MPOL_MBIND_FLAGS, MemoryConsts.MPOL_MBIND_FLAGS);
        TABLES = Collections.unmodifiableMap(m);
    }

    /** Kinds the kernel reads as a C {@code int}: the low 32 bits, sign-extended. */
    private static final Set<ArgKind> SIGNED_INT = EnumSet.of(ArgKind.FD, ArgKind.DIRFD, ArgKind.PID, ArgKind.UID,
            ArgKind.GID, ArgKind.SIGNAL, ArgKind.SOCKET_FAMILY, ArgKind.PROTOCOL, ArgKind.PRCTL_OPTION,
            ArgKind.FCNTL_CMD, ArgKind.SOCKOPT_LEVEL, ArgKind.SOCKOPT_NAME, ArgKind.SIGPROCMASK_HOW, ArgKind.ARCH_PRCTL_CODE, ArgKind.FADV_ADVICE, ArgKind.CLOCK_ID, ArgKind.MADV_ADVICE, ArgKind.EPOLL_CTL_OP);

    /** Kinds the kernel reads as an {@code unsigned int} (flag words, modes). */
    private static final Set<ArgKind> UNSIGNED_INT = EnumSet.of(ArgKind.OPEN_FLAGS, ArgKind.MODE, ArgKind.AT_FLAGS,
            ArgKind.ACCESS_MODE, ArgKind.SOCKET_TYPE, ArgKind.RENAME_FLAGS, ArgKind.MEMFD_FLAGS, ArgKind.SECCOMP_OP,
            ArgKind.BPF_CMD, ArgKind.MMAP_PROT, ArgKind.MMAP_FLAGS, ArgKind.NS_FLAGS, ArgKind.MSG_FLAGS,
            ArgKind.SEEK_WHENCE, ArgKind.IOCTL_REQUEST, ArgKind.RLIMIT_RESOURCE, ArgKind.WAIT_OPTIONS,
            ArgKind.STATX_MASK, ArgKind.RWF_FLAGS, ArgKind.GRND_FLAGS, ArgKind.TIMER_FLAGS, ArgKind.EPOLL_FLAGS, ArgKind.FLOCK_OP, ArgKind.MPOL_MBIND_FLAGS);

    private ArgNames() {
    }

    /** The name table of a kind, or null when the kind has none (numbers, pointers, memory kinds). */
    public static NameTable table(ArgKind kind) {
        return TABLES.get(kind);
    }

    /**
     * The table for argument {@code i} of a row, given all the call's arguments. A few kinds read
     * differently depending on the row's <em>shape</em> (never its name), as strace prints them:
     * <ul>
     *   <li>OPEN_FLAGS of a call without a path (pipe2, dup3) are plain bits with no access mode,
     *   unless access-mode bits are set; in a call that returns a peer address (accept4) they are
     *   SOCK_CLOEXEC/SOCK_NONBLOCK;</li>
     *   <li>AT_FLAGS of a call that also takes an access mode (faccessat2): 0x200 is AT_EACCESS;</li>
     *   <li>AT_FLAGS of a call that also takes a STATX_MASK (statx): its sync type is named first,
     *   AT_STATX_SYNC_AS_STAT when 0;</li>
     *   <li>PROTOCOL of a call whose family argument is AF_INET/AF_INET6: 0 is IPPROTO_IP;</li>
     *   <li>SOCKOPT_NAME has no table of its own: the SOCKOPT_LEVEL argument's level chooses one
     *   (SO_ options for SOL_SOCKET, TCP_ for SOL_TCP, ...), or none (a number).</li>
     * </ul>
     */
    public static NameTable table(Syscall row, int i, ArgValue[] args) {
        ArgKind kind = row.args().get(i).kind();
        long value = args != null && i < args.length && args[i] instanceof ArgValue.Num n ? normalize(kind, n.value()) : 0;
        if (kind == ArgKind.OPEN_FLAGS && (value & FileConsts.O_ACCMODE) == 0 && indexOf(row, ArgKind.PATH) < 0) {
            return indexOf(row, ArgKind.SOCKADDR_OUT) >= 0 ? NetConsts.SOCK_FLAGS : FileConsts.OPEN_FLAG_BITS;
        }
        if (kind == ArgKind.AT_FLAGS && indexOf(row, ArgKind.ACCESS_MODE) >= 0) {
            return FileConsts.AT_FLAGS_ACCESS;
        }
        if (kind == ArgKind.AT_FLAGS && indexOf(row, ArgKind.STATX_MASK) >= 0) {
            return FileConsts.AT_FLAGS_STATX;
        }
        if (kind == ArgKind.PROTOCOL) {
            int f = indexOf(row, ArgKind.SOCKET_FAMILY);
            if (f >= 0 && args != null && f < args.length && args[f] instanceof ArgValue.Num fam) {
                long family = normalize(ArgKind.SOCKET_FAMILY, fam.value());
                if (family == NetConsts.AF_INET || family == NetConsts.AF_INET6) return NetConsts.INET_PROTOCOLS;
            }
        }
        if (kind == ArgKind.SOCKOPT_NAME) {
            // Options are numbered per level: only a level with a table names them.
            int l = indexOf(row, ArgKind.SOCKOPT_LEVEL);
            if (l >= 0 && args != null && l < args.length && args[l] instanceof ArgValue.Num level) {
                return SockoptConsts.optionsOf(normalize(ArgKind.SOCKOPT_LEVEL, level.value()));
            }
            return null;
        }
        return table(kind);
    }

    private static int indexOf(Syscall row, ArgKind kind) {
        for (int k = 0; k < row.args().size(); k++) {
            if (row.args().get(k).kind() == kind) return k;
        }
        return -1;
    }

    /**
     * The value the kernel sees for a raw register of this kind: {@code int} kinds are sign-extended
     * from their low 32 bits (so AT_FDCWD stored as 0xffffff9c is -100), {@code unsigned int} kinds
     * are masked to 32 bits, other kinds are kept whole.
     */
    /** True for the kinds the kernel reads as a C int or unsigned int ({@link #normalize} keeps their 32 bits). */
    public static boolean isCInt(ArgKind kind) {
        return SIGNED_INT.contains(kind) || UNSIGNED_INT.contains(kind);
    }

    public static long normalize(ArgKind kind, long raw) {
        if (SIGNED_INT.contains(kind)) return (int) raw;
        if (UNSIGNED_INT.contains(kind)) return raw & 0xffffffffL;
        return raw;
    }

    /** strace-style names of a raw value, or null when the kind has no table. */
    public static String render(ArgKind kind, long raw) {
        NameTable t = table(kind);
        return t == null ? null : t.render(normalize(kind, raw));
    }

    /** Falco-style names of a raw value (what evt.arg.X shows), or null when the kind has no table. */
    public static String renderFalco(ArgKind kind, long raw) {
        NameTable t = table(kind);
        return t == null ? null : t.renderFalco(normalize(kind, raw));
    }
}
