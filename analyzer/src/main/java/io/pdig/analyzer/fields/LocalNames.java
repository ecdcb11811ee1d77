package io.pdig.analyzer.fields;

import java.util.HashMap;
import java.util.Map;

/**
 * Minimal constant-name tables for evt.arg rendering, kept local until the event model's shared
 * constant tables (io.pdig.model.consts) are published; only what the upstream Falco rules and
 * common outputs need. Linux x86_64 values; names as Falco prints them.
 */
final class LocalNames {
    private LocalNames() {
    }

    static final int O_WRONLY = 01, O_RDWR = 02, O_CREAT = 0100, O_EXCL = 0200, O_TRUNC = 01000,
            O_APPEND = 02000, O_NONBLOCK = 04000, O_DSYNC = 010000, O_DIRECT = 040000,
            O_LARGEFILE = 0100000, O_DIRECTORY = 0200000, O_CLOEXEC = 02000000, O_SYNC = 04010000,
            O_TMPFILE = 020200000;

    /**
     * Linux open flags rendered in Falco's PPM table order (O_LARGEFILE ... O_RDONLY O_CLOEXEC ...
     * O_TMPFILE), names joined by '|'. Linux O_RDONLY is 0, Falco prints it when the access mode is 0.
     */
    static String openFlags(long f) {
        StringBuilder b = new StringBuilder();
        if ((f & O_LARGEFILE) != 0) add(b, "O_LARGEFILE");
        if ((f & O_DIRECTORY) != 0 && (f & O_TMPFILE) != O_TMPFILE) add(b, "O_DIRECTORY");
        if ((f & O_DIRECT) != 0) add(b, "O_DIRECT");
        if ((f & O_TRUNC) != 0) add(b, "O_TRUNC");
        if ((f & O_SYNC) == O_SYNC) add(b, "O_SYNC");
        if ((f & O_NONBLOCK) != 0) add(b, "O_NONBLOCK");
        if ((f & O_EXCL) != 0) add(b, "O_EXCL");
        if ((f & O_DSYNC) != 0 && (f & O_SYNC) != O_SYNC) add(b, "O_DSYNC");
        if ((f & O_APPEND) != 0) add(b, "O_APPEND");
        if ((f & O_CREAT) != 0) add(b, "O_CREAT");
        long acc = f & 3;
        if (acc == O_RDWR) add(b, "O_RDWR");
        if (acc == O_WRONLY) add(b, "O_WRONLY");
        if (acc == 0) add(b, "O_RDONLY");
        if ((f & O_CLOEXEC) != 0) add(b, "O_CLOEXEC");
        if ((f & O_TMPFILE) == O_TMPFILE) add(b, "O_TMPFILE");
        return b.toString();
    }

    private static final String[] MODE_NAMES = {"S_IXOTH", "S_IWOTH", "S_IROTH", "S_IXGRP", "S_IWGRP", "S_IRGRP",
        "S_IXUSR", "S_IWUSR", "S_IRUSR", "S_ISVTX", "S_ISGID", "S_ISUID"};

    /** File mode bits by name in Falco's order (S_IXOTH first), or "0" when none. */
    static String mode(long m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < MODE_NAMES.length; i++) {
            if ((m & (1L << i)) != 0) add(b, MODE_NAMES[i]);
        }
        return b.length() == 0 ? "0" : b.toString();
    }

    /** Falco's execve flags: EXE_WRITABLE, EXE_UPPER_LAYER, EXE_FROM_MEMFD, EXE_LOWER_LAYER. */
    static final int EXE_WRITABLE = 1, EXE_UPPER_LAYER = 2, EXE_FROM_MEMFD = 4, EXE_LOWER_LAYER = 8;

    static String exeFlags(long f) {
        StringBuilder b = new StringBuilder();
        if ((f & EXE_WRITABLE) != 0) add(b, "EXE_WRITABLE");
        if ((f & EXE_UPPER_LAYER) != 0) add(b, "EXE_UPPER_LAYER");
        if ((f & EXE_FROM_MEMFD) != 0) add(b, "EXE_FROM_MEMFD");
        if ((f & EXE_LOWER_LAYER) != 0) add(b, "EXE_LOWER_LAYER");
        return b.length() == 0 ? "0" : b.toString();
    }

    private static void add(StringBuilder b, String n) {
        if (b.length() > 0) b.append('|');
        b.append(n);
    }

    static final Map<Integer, String> ERRNO = table(
            1, "EPERM", 2, "ENOENT", 3, "ESRCH", 4, "EINTR", 5, "EIO", 6, "ENXIO", 7, "E2BIG", 8, "ENOEXEC",
            9, "EBADF", 10, "ECHILD", 11, "EAGAIN", 12, "ENOMEM", 13, "EACCES", 14, "EFAULT", 15, "ENOTBLK",
            16, "EBUSY", 17, "EEXIST", 18, "EXDEV", 19, "ENODEV", 20, "ENOTDIR", 21, "EISDIR", 22, "EINVAL",
            23, "ENFILE", 24, "EMFILE", 25, "ENOTTY", 26, "ETXTBSY", 27, "EFBIG", 28, "ENOSPC", 29, "ESPIPE",
            30, "EROFS", 31, "EMLINK", 32, "EPIPE", 33, "EDOM", 34, "ERANGE", 35, "EDEADLK", 36, "ENAMETOOLONG",
            37, "ENOLCK", 38, "ENOSYS", 39, "ENOTEMPTY", 40, "ELOOP", 61, "ENODATA", 62, "ETIME", 75, "EOVERFLOW",
            88, "ENOTSOCK", 89, "EDESTADDRREQ", 90, "EMSGSIZE", 91, "EPROTOTYPE", 92, "ENOPROTOOPT",
            93, "EPROTONOSUPPORT", 94, "ESOCKTNOSUPPORT", 95, "EOPNOTSUPP", 97, "EAFNOSUPPORT", 98, "EADDRINUSE",
            99, "EADDRNOTAVAIL", 100, "ENETDOWN", 101, "ENETUNREACH", 103, "ECONNABORTED", 104, "ECONNRESET",
            105, "ENOBUFS", 106, "EISCONN", 107, "ENOTCONN", 110, "ETIMEDOUT", 111, "ECONNREFUSED",
            113, "EHOSTUNREACH", 114, "EALREADY", 115, "EINPROGRESS", 116, "ESTALE", 122, "EDQUOT",
            125, "ECANCELED", 512, "ERESTARTSYS", 513, "ERESTARTNOINTR", 514, "ERESTARTNOHAND",
            516, "ERESTART_RESTARTBLOCK");

    static final Map<Integer, String> SOCKET_FAMILY = table(0, "AF_UNSPEC", 1, "AF_UNIX", 2, "AF_INET",
            10, "AF_INET6", 16, "AF_NETLINK", 17, "AF_PACKET", 38, "AF_ALG", 40, "AF_VSOCK", 44, "AF_XDP");

    static final Map<Integer, String> SOCKET_TYPE = table(1, "SOCK_STREAM", 2, "SOCK_DGRAM", 3, "SOCK_RAW",
            4, "SOCK_RDM", 5, "SOCK_SEQPACKET", 6, "SOCK_DCCP", 10, "SOCK_PACKET");

    static final Map<Integer, String> PTRACE = table(0, "PTRACE_TRACEME", 1, "PTRACE_PEEKTEXT",
            2, "PTRACE_PEEKDATA", 3, "PTRACE_PEEKUSR", 4, "PTRACE_POKETEXT", 5, "PTRACE_POKEDATA",
            6, "PTRACE_POKEUSR", 7, "PTRACE_CONT", 8, "PTRACE_KILL", 9, "PTRACE_SINGLESTEP",
            12, "PTRACE_GETREGS", 13, "PTRACE_SETREGS", 14, "PTRACE_GETFPREGS", 15, "PTRACE_SETFPREGS",
            16, "PTRACE_ATTACH", 17, "PTRACE_DETACH", 18, "PTRACE_GETFPXREGS", 19, "PTRACE_SETFPXREGS",
            24, "PTRACE_SYSCALL", 0x4200, "PTRACE_SETOPTIONS", 0x4201, "PTRACE_GETEVENTMSG",
            0x4202, "PTRACE_GETSIGINFO", 0x4203, "PTRACE_SETSIGINFO", 0x4204, "PTRACE_GETREGSET",
            0x4205, "PTRACE_SETREGSET", 0x4206, "PTRACE_SEIZE", 0x4207, "PTRACE_INTERRUPT",
            0x4208, "PTRACE_LISTEN", 0x420e, "PTRACE_GET_SYSCALL_INFO");

    static final Map<Integer, String> BPF_CMD = table(0, "BPF_MAP_CREATE", 1, "BPF_MAP_LOOKUP_ELEM",
            2, "BPF_MAP_UPDATE_ELEM", 3, "BPF_MAP_DELETE_ELEM", 4, "BPF_MAP_GET_NEXT_KEY", 5, "BPF_PROG_LOAD",
            6, "BPF_OBJ_PIN", 7, "BPF_OBJ_GET", 8, "BPF_PROG_ATTACH", 9, "BPF_PROG_DETACH",
            10, "BPF_PROG_TEST_RUN", 18, "BPF_BTF_LOAD", 28, "BPF_LINK_CREATE");

    static final Map<Integer, String> FCNTL = table(0, "F_DUPFD", 1, "F_GETFD", 2, "F_SETFD", 3, "F_GETFL",
            4, "F_SETFL", 5, "F_GETLK", 6, "F_SETLK", 7, "F_SETLKW", 8, "F_SETOWN", 9, "F_GETOWN",
            1030, "F_DUPFD_CLOEXEC");

    static final Map<Integer, String> SIGNALS = table(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 4, "SIGILL",
            5, "SIGTRAP", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 10, "SIGUSR1", 11, "SIGSEGV",
            12, "SIGUSR2", 13, "SIGPIPE", 14, "SIGALRM", 15, "SIGTERM", 16, "SIGSTKFLT", 17, "SIGCHLD",
            18, "SIGCONT", 19, "SIGSTOP", 20, "SIGTSTP", 21, "SIGTTIN", 22, "SIGTTOU", 23, "SIGURG",
            24, "SIGXCPU", 25, "SIGXFSZ", 26, "SIGVTALRM", 27, "SIGPROF", 28, "SIGWINCH", 29, "SIGIO",
            30, "SIGPWR", 31, "SIGSYS");

    /** Capability names by bit number (linux/capability.h). */
    static final String[] CAPS = {"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER",
        "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
        "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
        "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
        "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
        "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE"};

    /** Capability mask as Falco prints it: names in bit order, space-separated ("" for none). */
    static String caps(long mask) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            if ((mask & (1L << i)) != 0) {
                if (b.length() > 0) b.append(' ');
                b.append(i < CAPS.length ? CAPS[i] : "CAP_" + i);
            }
        }
        return b.toString();
    }

    static String errnoName(long errno) {
        String n = ERRNO.get((int) errno);
        return n != null ? n : "E" + errno;
    }

    private static Map<Integer, String> table(Object... kv) {
        Map<Integer, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((Integer) kv[i], (String) kv[i + 1]);
        }
        return Map.copyOf(m);
    }
}
