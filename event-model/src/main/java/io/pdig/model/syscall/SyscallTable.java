package io.pdig.model.syscall;

import static io.pdig.model.syscall.ArgKind.*;
import static io.pdig.model.syscall.SyscallFlag.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one syscall table. Numbers come from {@code syscall-numbers.tsv} (generated from the kernel
 * UAPI headers by tools/gen-syscall-numbers.sh); this class adds what we decide: argument names
 * and kinds, return kind and flags. Syscalls with no row here still get a generic row
 * ({@code name} with six HEX arguments) so that `--all` can trace and print them.
 *
 * <p>Editing rules (the journal stores raw syscall numbers and argument values by position, so
 * old journals must keep decoding): a row's arguments may be renamed only to match Falco, and
 * their kinds may be refined only to a kind with the same stored shape; never reorder arguments.
 * Adding rows and flags is always allowed. See docs/HOWTO_ADD_SYSCALL.md.
 *
 * <p>Immutable after class initialisation; safe to share between threads.
 */
public final class SyscallTable {

    private static final String NUMBERS_RESOURCE = "/io/pdig/model/syscall/syscall-numbers.tsv";
    /**
     * strace's classes of every syscall, one line per name of the numbers file (a class list or
     * '-'). Hand-kept data: the x86_64 names as strace 6.1 classes them (tools/check-strace-classes.sh
     * compares them with the installed strace), the i386-only names as their x86_64 counterparts.
     */
    private static final String CLASSES_RESOURCE = "/io/pdig/model/syscall/syscall-classes.tsv";

    private static final Map<String, Syscall> BY_NAME;
    private static final Syscall[] BY_NR64 = new Syscall[1024];
    private static final Syscall[] BY_NR32 = new Syscall[1024];

    static {
        Map<String, int[]> numbers = readNumbers();
        Map<String, Set<SyscallClass>> classes = readClasses();
        // Both files name the same syscalls: a syscall without classes would silently fall out
        // of every --syscalls %class, and a class line without a number is a typo.
        if (!classes.keySet().equals(numbers.keySet())) {
            Set<String> missing = new TreeSet<>(numbers.keySet());
            missing.removeAll(classes.keySet());
            Set<String> extra = new TreeSet<>(classes.keySet());
            extra.removeAll(numbers.keySet());
            throw new IllegalStateException(CLASSES_RESOURCE + ": no line for " + missing + ", no number for " + extra);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row r : rows()) {
            if (rows.put(r.name, r) != null) {
                throw new IllegalStateException("duplicate syscall row " + r.name);
            }
        }
        Map<String, Syscall> byName = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : numbers.entrySet()) {
            String name = e.getKey();
            Row r = rows.remove(name);
            Set<SyscallClass> cls = classes.get(name);
            Syscall s = r != null ? r.toSyscall(e.getValue(), cls) : generic(name, e.getValue(), cls);
            byName.put(name, s);
            if (s.nr64() >= 0) BY_NR64[s.nr64()] = s;
            if (s.nr32() >= 0) BY_NR32[s.nr32()] = s;
        }
        if (!rows.isEmpty()) {
            throw new IllegalStateException("syscall rows without a number: " + rows.keySet());
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private SyscallTable() {
    }

    /** All syscalls, ordered by name. */
    public static Collection all() {
        return new Collection(new ArrayList<>(new java.util.TreeMap<>(BY_NAME).values()));
    }

    /** The row with this name, or null. */
    public static Syscall byName(String name) {
        return BY_NAME.get(name);
    }

    /** The row for a number of an ABI, or null when the number is unknown on that ABI. */
    public static Syscall byNumber(Abi abi, int nr) {
        Syscall[] t = abi == Abi.I386 ? BY_NR32 : BY_NR64;
        return nr >= 0 && nr < t.length ? t[nr] : null;
    }

    /** Names of the default traced set. */
    public static Set<String> defaultSet() {
        Set<String> names = new TreeSet<>();
        for (Syscall s : BY_NAME.values()) {
            if (s.has(DEFAULT)) names.add(s.name());
        }
        return names;
    }

    /** Thin list wrapper so callers can stream or iterate. */
    public record Collection(List<Syscall> list) implements Iterable<Syscall> {
        @Override
        public java.util.Iterator<Syscall> iterator() {
            return list.iterator();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Rows. Argument names follow Falco's event table parameter names.

    private static List<Row> rows() {
        List<Row> t = new ArrayList<>();
        // Files: open family
        t.add(row("open", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("name", PATH), a("flags", OPEN_FLAGS), a("mode", MODE)));
        t.add(row("openat", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("dirfd", DIRFD), a("name", PATH), a("flags", OPEN_FLAGS), a("mode", MODE)));
        t.add(row("openat2", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("dirfd", DIRFD), a("name", PATH), a("how", OPEN_HOW), a("size", SIZE)));
        t.add(row("creat", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("name", PATH), a("mode", MODE)));
        t.add(row("open_by_handle_at", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("mountfd", FD), a("handle", PTR), a("flags", OPEN_FLAGS)));
        t.add(row("close", RetKind.STATUS, set(DEFAULT, FILE, CLOSES_FD, REPLACES_FD, SKIP_EXIT), a("fd", FD)));
        t.add(row("close_range", RetKind.STATUS, set(DEFAULT, FILE, CLOSES_FD, REPLACES_FD), a("fd", FD), a("max_fd", FD), a("flags", HEX)));
        t.add(row("dup", RetKind.FD, set(DEFAULT, FILE, DUPS_FD), a("fd", FD)));
        t.add(row("dup2", RetKind.FD, set(DEFAULT, FILE, DUPS_FD, REPLACES_FD), a("oldfd", FD), a("newfd", FD)));
        t.add(row("dup3", RetKind.FD, set(DEFAULT, FILE, DUPS_FD, REPLACES_FD), a("oldfd", FD), a("newfd", FD), a("flags", OPEN_FLAGS)));
        // Only F_DUPFD (0), F_SETFD (2) and F_DUPFD_CLOEXEC (1030) change the fd table; F_GETFL and
        // friends are half of find's traced calls and need no stop. Of those three, only the two
        // that return a new fd need their result: F_SETFD (set close-on-exec, which tar and find
        // do once per directory) applies to the fd it names and stops at its entry only.
        t.add(row("fcntl", RetKind.INT, set(DEFAULT, FILE, DUPS_FD), a("fd", FD), a("cmd", FCNTL_CMD), a("arg", FCNTL_ARG))
                .stopOnlyWhenArg(1, 0, 2, 1030).exitOnlyWhenArg(1, 0, 1030));
        t.add(row("pipe", RetKind.STATUS, set(DEFAULT, FILE, CREATES_FD), a("fds", FD_PAIR_OUT)));
        t.add(row("pipe2", RetKind.STATUS, set(DEFAULT, FILE, CREATES_FD), a("fds", FD_PAIR_OUT), a("flags", OPEN_FLAGS)));
        t.add(row("memfd_create", RetKind.FD, set(DEFAULT, FILE, CREATES_FD, SECURITY), a("name", STRING), a("flags", MEMFD_FLAGS)));
        t.add(row("eventfd2", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("initval", INT), a("flags", HEX)));
        t.add(row("signalfd4", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("fd", FD), a("mask", HEX), a("size", SIZE), a("flags", HEX)));
        t.add(row("timerfd_create", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("clockid", INT), a("flags", HEX)));
        t.add(row("inotify_init1", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("flags", EPOLL_FLAGS)));
        t.add(row("epoll_create1", RetKind.FD, set(DEFAULT, FILE, CREATES_FD), a("flags", EPOLL_FLAGS)));
        t.add(row("userfaultfd", RetKind.FD, set(DEFAULT, FILE, CREATES_FD, SECURITY), a("flags", HEX)));
        t.add(row("io_uring_setup", RetKind.FD, set(DEFAULT, FILE, CREATES_FD, SECURITY), a("entries", SIZE), a("params", PTR)));
        t.add(row("io_uring_enter", RetKind.INT, set(FILE), a("fd", FD), a("to_submit", SIZE), a("min_complete", SIZE), a("flags", HEX), a("sig", PTR), a("sigsz", SIZE)));
        t.add(row("io_uring_register", RetKind.INT, set(FILE), a("fd", FD), a("opcode", INT), a("arg", HEX), a("nr_args", SIZE)));
        // Files: I/O (not default: too hot; enable with --syscalls or -a)
        t.add(row("read", RetKind.INT, set(FILE), a("fd", FD), a("data", DATA_OUT), a("size", SIZE)));
        t.add(row("write", RetKind.INT, set(FILE), a("fd", FD), a("data", DATA), a("size", SIZE)));
        t.add(row("pread64", RetKind.INT, set(FILE), a("fd", FD), a("data", DATA_OUT), a("size", SIZE), a("pos", INT)));
        t.add(row("pwrite64", RetKind.INT, set(FILE), a("fd", FD), a("data", DATA), a("size", SIZE), a("pos", INT)));
        // The iovec calls, as read/write: their data captured (IOVEC, IOVEC_OUT); no fd-table change.
        t.add(row("readv", RetKind.INT, set(FILE), a("fd", FD), a("iov", IOVEC_OUT), a("iovcnt", INT)));
        t.add(row("writev", RetKind.INT, set(FILE), a("fd", FD), a("iov", IOVEC), a("iovcnt", INT)));
        t.add(row("preadv", RetKind.INT, set(FILE), a("fd", FD), a("iov", IOVEC_OUT), a("iovcnt", INT), a("pos", INT), a("pos_h", POS_HIGH)));
        t.add(row("pwritev", RetKind.INT, set(FILE), a("fd", FD), a("iov", IOVEC), a("iovcnt", INT), a("pos", INT), a("pos_h", POS_HIGH)));
        t.add(row("preadv2", RetKind.INT, set(FILE), a("fd", FD), a("iov", IOVEC_OUT), a("iovcnt", INT), a("pos", INT), a("pos_h", POS_HIGH), a("flags", RWF_FLAGS)));
        t.add(row("pwritev2", RetKind.INT, set(FILE), a("fd", FD), a("iov", IOVEC), a("iovcnt", INT), a("pos", INT), a("pos_h", POS_HIGH), a("flags", RWF_FLAGS)));
        t.add(row("sendfile", RetKind.INT, set(FILE, NETWORK), a("out_fd", FD), a("in_fd", FD), a("offset", PTR), a("size", SIZE)));
        t.add(row("fadvise64", RetKind.STATUS, set(FILE), a("fd", FD), a("offset", INT), a("len", INT), a("advice", FADV_ADVICE)));
        t.add(row("copy_file_range", RetKind.INT, set(FILE), a("fd_in", FD), a("off_in", LOFF_PTR), a("fd_out", FD),
                a("off_out", LOFF_PTR), a("len", SIZE), a("flags", HEX)));
        t.add(row("lseek", RetKind.INT, set(FILE), a("fd", FD), a("offset", INT), a("whence", SEEK_WHENCE)));
        t.add(row("getdents64", RetKind.INT, set(FILE), a("fd", FD), a("dirp", DIRENTS_OUT), a("count", SIZE)));
        t.add(row("newfstatat", RetKind.STATUS, set(FILE), a("dirfd", DIRFD), a("path", PATH), a("statbuf", STAT_OUT), a("flags", AT_FLAGS)));
        t.add(row("stat", RetKind.STATUS, set(FILE), a("path", PATH), a("statbuf", STAT_OUT)));
        t.add(row("lstat", RetKind.STATUS, set(FILE), a("path", PATH), a("statbuf", STAT_OUT)));
        t.add(row("fstat", RetKind.STATUS, set(FILE), a("fd", FD), a("statbuf", STAT_OUT)));
        t.add(row("statx", RetKind.STATUS, set(FILE), a("dirfd", DIRFD), a("path", PATH), a("flags", AT_FLAGS), a("mask", STATX_MASK), a("statxbuf", STATX_OUT)));
        t.add(row("access", RetKind.STATUS, set(FILE), a("name", PATH), a("mode", ACCESS_MODE)));
        t.add(row("faccessat", RetKind.STATUS, set(FILE), a("dirfd", DIRFD), a("name", PATH), a("mode", ACCESS_MODE)));
        t.add(row("faccessat2", RetKind.STATUS, set(FILE), a("dirfd", DIRFD), a("name", PATH), a("mode", ACCESS_MODE), a("flags", AT_FLAGS)));
        t.add(row("readlink", RetKind.INT, set(FILE), a("path", PATH), a("buf", PATH_OUT), a("size", SIZE)));
        t.add(row("readlinkat", RetKind.INT, set(FILE), a("dirfd", DIRFD), a("path", PATH), a("buf", PATH_OUT), a("size", SIZE)));
        t.add(row("truncate", RetKind.STATUS, set(FILE), a("path", PATH), a("length", INT)));
        // touch, cp -p, tar and rsync set times with it; a NULL path names the dirfd itself
        t.add(row("utimensat", RetKind.STATUS, set(FILE), a("dirfd", DIRFD), a("path", PATH), a("times", TIMESPEC_PAIR), a("flags", AT_FLAGS)));
        t.add(row("ftruncate", RetKind.STATUS, set(FILE), a("fd", FD), a("length", INT)));
        // Files: namespace changes
        t.add(row("chdir", RetKind.STATUS, set(DEFAULT, FILE), a("path", PATH)));
        t.add(row("fchdir", RetKind.STATUS, set(DEFAULT, FILE), a("fd", FD)));
        t.add(row("chroot", RetKind.STATUS, set(DEFAULT, FILE, SECURITY), a("path", PATH)));
        t.add(row("pivot_root", RetKind.STATUS, set(DEFAULT, FILE, SECURITY), a("new_root", PATH), a("put_old", PATH)));
        t.add(row("mkdir", RetKind.STATUS, set(DEFAULT, FILE), a("path", PATH), a("mode", MODE)));
        t.add(row("mkdirat", RetKind.STATUS, set(DEFAULT, FILE), a("dirfd", DIRFD), a("path", PATH), a("mode", MODE)));
        t.add(row("rmdir", RetKind.STATUS, set(DEFAULT, FILE), a("path", PATH)));
        t.add(row("unlink", RetKind.STATUS, set(DEFAULT, FILE), a("path", PATH)));
        t.add(row("unlinkat", RetKind.STATUS, set(DEFAULT, FILE), a("dirfd", DIRFD), a("name", PATH), a("flags", AT_FLAGS)));
        t.add(row("rename", RetKind.STATUS, set(DEFAULT, FILE), a("oldpath", PATH), a("newpath", PATH)));
        t.add(row("renameat", RetKind.STATUS, set(DEFAULT, FILE), a("olddirfd", DIRFD), a("oldpath", PATH), a("newdirfd", DIRFD), a("newpath", PATH)));
        t.add(row("renameat2", RetKind.STATUS, set(DEFAULT, FILE), a("olddirfd", DIRFD), a("oldpath", PATH), a("newdirfd", DIRFD), a("newpath", PATH), a("flags", RENAME_FLAGS)));
        t.add(row("link", RetKind.STATUS, set(DEFAULT, FILE), a("oldpath", PATH), a("newpath", PATH)));
        t.add(row("linkat", RetKind.STATUS, set(DEFAULT, FILE), a("olddir", DIRFD), a("oldpath", PATH), a("newdir", DIRFD), a("newpath", PATH), a("flags", AT_FLAGS)));
        t.add(row("symlink", RetKind.STATUS, set(DEFAULT, FILE), a("target", PATH), a("linkpath", PATH)));
        t.add(row("symlinkat", RetKind.STATUS, set(DEFAULT, FILE), a("target", PATH), a("linkdirfd", DIRFD), a("linkpath", PATH)));
        t.add(row("chmod", RetKind.STATUS, set(DEFAULT, FILE), a("filename", PATH), a("mode", MODE)));
        t.add(row("fchmod", RetKind.STATUS, set(DEFAULT, FILE), a("fd", FD), a("mode", MODE)));
        t.add(row("fchmodat", RetKind.STATUS, set(DEFAULT, FILE), a("dirfd", DIRFD), a("filename", PATH), a("mode", MODE)));
        t.add(row("chown", RetKind.STATUS, set(DEFAULT, FILE), a("path", PATH), a("uid", UID), a("gid", GID)));
        t.add(row("lchown", RetKind.STATUS, set(DEFAULT, FILE), a("path", PATH), a("uid", UID), a("gid", GID)));
        t.add(row("fchown", RetKind.STATUS, set(DEFAULT, FILE), a("fd", FD), a("uid", UID), a("gid", GID)));
        t.add(row("fchownat", RetKind.STATUS, set(DEFAULT, FILE), a("dirfd", DIRFD), a("pathname", PATH), a("uid", UID), a("gid", GID), a("flags", AT_FLAGS)));
        t.add(row("mount", RetKind.STATUS, set(DEFAULT, FILE, SECURITY), a("dev", PATH), a("dir", PATH), a("type", STRING), a("flags", HEX), a("data", PTR)));
        t.add(row("umount2", RetKind.STATUS, set(DEFAULT, FILE, SECURITY), a("name", PATH), a("flags", HEX)));
        // Network
        t.add(row("socket", RetKind.FD, set(DEFAULT, NETWORK, CREATES_FD), a("domain", SOCKET_FAMILY), a("type", SOCKET_TYPE), a("proto", PROTOCOL)));
        t.add(row("socketpair", RetKind.STATUS, set(DEFAULT, NETWORK, CREATES_FD), a("domain", SOCKET_FAMILY), a("type", SOCKET_TYPE), a("proto", PROTOCOL), a("fds", FD_PAIR_OUT)));
        t.add(row("connect", RetKind.STATUS, set(DEFAULT, NETWORK), a("fd", FD), a("addr", SOCKADDR), a("addrlen", SIZE),
                a("local", SOCK_LOCAL)));
        t.add(row("bind", RetKind.STATUS, set(DEFAULT, NETWORK), a("fd", FD), a("addr", SOCKADDR), a("addrlen", SIZE)));
        t.add(row("listen", RetKind.STATUS, set(DEFAULT, NETWORK), a("fd", FD), a("backlog", INT)));
        t.add(row("accept", RetKind.FD, set(DEFAULT, NETWORK, CREATES_FD), a("sockfd", FD), a("addr", SOCKADDR_OUT), a("addrlen", SOCKLEN_INOUT),
                a("local", SOCK_LOCAL), a("peer", SOCK_PEER)));
        t.add(row("accept4", RetKind.FD, set(DEFAULT, NETWORK, CREATES_FD), a("sockfd", FD), a("addr", SOCKADDR_OUT), a("addrlen", SOCKLEN_INOUT), a("flags", OPEN_FLAGS),
                a("local", SOCK_LOCAL), a("peer", SOCK_PEER)));
        t.add(row("sendto", RetKind.INT, set(NETWORK), a("fd", FD), a("data", DATA), a("size", SIZE), a("flags", MSG_FLAGS), a("addr", SOCKADDR), a("addrlen", SIZE)));
        t.add(row("recvfrom", RetKind.INT, set(NETWORK), a("fd", FD), a("data", DATA_OUT), a("size", SIZE), a("flags", MSG_FLAGS), a("addr", SOCKADDR_OUT), a("addrlen", SOCKLEN_INOUT)));
        t.add(row("sendmsg", RetKind.INT, set(NETWORK), a("fd", FD), a("msg", MSGHDR), a("flags", MSG_FLAGS)));
        t.add(row("recvmsg", RetKind.INT, set(NETWORK), a("fd", FD), a("msg", MSGHDR_OUT), a("flags", MSG_FLAGS)));
        t.add(row("sendmmsg", RetKind.INT, set(NETWORK), a("fd", FD), a("msgvec", MMSGHDR), a("vlen", SIZE), a("flags", MSG_FLAGS)));
        t.add(row("recvmmsg", RetKind.INT, set(NETWORK), a("fd", FD), a("msgvec", MMSGHDR_OUT), a("vlen", SIZE), a("flags", MSG_FLAGS),
                a("timeout", TIMESPEC_INOUT)));
        t.add(row("shutdown", RetKind.STATUS, set(NETWORK), a("fd", FD), a("how", INT)));
        t.add(row("getsockname", RetKind.STATUS, set(NETWORK), a("fd", FD), a("addr", SOCKADDR_OUT), a("addrlen", SOCKLEN_INOUT)));
        t.add(row("getpeername", RetKind.STATUS, set(NETWORK), a("fd", FD), a("addr", SOCKADDR_OUT), a("addrlen", SOCKLEN_INOUT)));
        t.add(row("setsockopt", RetKind.STATUS, set(NETWORK), a("fd", FD), a("level", SOCKOPT_LEVEL), a("optname", SOCKOPT_NAME), a("val", SOCKOPT_VAL), a("optlen", SIZE)));
        // Processes
        t.add(row("execve", RetKind.STATUS, set(DEFAULT, PROCESS), a("filename", PATH), a("args", ARGV), a("envp", ENVP)));
        t.add(row("execveat", RetKind.STATUS, set(DEFAULT, PROCESS), a("dirfd", DIRFD), a("pathname", PATH), a("args", ARGV), a("envp", ENVP), a("flags", AT_FLAGS)));
        t.add(row("fork", RetKind.PID, set(DEFAULT, PROCESS)));
        t.add(row("vfork", RetKind.PID, set(DEFAULT, PROCESS)));
        // A clone stops at its entry only with a flag the tracer must act on or see even when the
        // call fails: CLONE_VFORK (0x4000), CLONE_UNTRACED (0x800000, stripped there) and the
        // namespace flags (0x7e020000). A plain fork or thread is reported from its fork event,
        // its arguments read from the parent's registers: one stop fewer per process. A set the
        // user named with clone in it drops this condition (TracePolicy), so failures are seen.
        t.add(row("clone", RetKind.PID, set(DEFAULT, PROCESS), a("flags", CLONE_FLAGS), a("stack", HEX), a("parent_tid", CLONE_PARENT_TID), a("child_tid", HEX), a("tls", HEX))
                .stopOnlyWhenArgHasAnyBit(0, 0x7e824000L));
        t.add(row("clone3", RetKind.PID, set(DEFAULT, PROCESS), a("cl_args", CLONE_ARGS), a("size", SIZE), a("cl_args_out", CLONE_ARGS_OUT)));
        t.add(row("exit", RetKind.NONE, set(PROCESS, SKIP_EXIT), a("status", INT)));
        t.add(row("exit_group", RetKind.NONE, set(PROCESS, SKIP_EXIT), a("status", INT)));
        t.add(row("wait4", RetKind.PID, set(PROCESS), a("pid", PID), a("status", WAIT_STATUS_OUT), a("options", WAIT_OPTIONS), a("rusage", PTR)));
        t.add(row("setuid", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("uid", UID)));
        t.add(row("setgid", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("gid", GID)));
        t.add(row("setreuid", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("ruid", UID), a("euid", UID)));
        t.add(row("setregid", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("rgid", GID), a("egid", GID)));
        t.add(row("setresuid", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("ruid", UID), a("euid", UID), a("suid", UID)));
        t.add(row("setresgid", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("rgid", GID), a("egid", GID), a("sgid", GID)));
        t.add(row("setfsuid", RetKind.INT, set(DEFAULT, PROCESS, SECURITY), a("uid", UID)));
        t.add(row("setfsgid", RetKind.INT, set(DEFAULT, PROCESS, SECURITY), a("gid", GID)));
        t.add(row("setgroups", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("size", INT), a("list", GID_LIST)));
        t.add(row("capset", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("hdrp", CAP_HEADER), a("datap", CAP_DATA)));
        t.add(row("setsid", RetKind.PID, set(DEFAULT, PROCESS)));
        t.add(row("setpgid", RetKind.STATUS, set(DEFAULT, PROCESS), a("pid", PID), a("pgid", PID)));
        t.add(row("prctl", RetKind.INT, set(DEFAULT, PROCESS, SECURITY), a("option", PRCTL_OPTION), a("arg2", PRCTL_ARG), a("arg3", PRCTL_ARG),
                a("arg4", PRCTL_ARG), a("arg5", PRCTL_ARG)));
        t.add(row("unshare", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("flags", NS_FLAGS)));
        t.add(row("setns", RetKind.STATUS, set(DEFAULT, PROCESS, SECURITY), a("fd", FD), a("nstype", NS_FLAGS)));
        t.add(row("ptrace", RetKind.INT, set(DEFAULT, PROCESS, SECURITY), a("request", PTRACE_REQUEST), a("pid", PID), a("addr", HEX), a("data", HEX)));
        t.add(row("process_vm_readv", RetKind.INT, set(DEFAULT, PROCESS, SECURITY), a("pid", PID), a("local_iov", PTR), a("liovcnt", SIZE), a("remote_iov", PTR), a("riovcnt", SIZE), a("flags", HEX)));
        t.add(row("process_vm_writev", RetKind.INT, set(DEFAULT, PROCESS, SECURITY), a("pid", PID), a("local_iov", PTR), a("liovcnt", SIZE), a("remote_iov", PTR), a("riovcnt", SIZE), a("flags", HEX)));
        t.add(row("seccomp", RetKind.INT, set(DEFAULT, PROCESS, SECURITY), a("op", SECCOMP_OP), a("flags", HEX), a("uargs", PTR)));
        t.add(row("bpf", RetKind.INT, set(DEFAULT, SECURITY, CREATES_FD), a("cmd", BPF_CMD), a("attr", PTR), a("size", SIZE)));
        t.add(row("perf_event_open", RetKind.FD, set(DEFAULT, SECURITY, CREATES_FD), a("attr", PTR), a("pid", PID), a("cpu", INT), a("group_fd", FD), a("flags", HEX)));
        t.add(row("init_module", RetKind.STATUS, set(DEFAULT, SECURITY), a("img", PTR), a("length", SIZE), a("uargs", STRING)));
        t.add(row("finit_module", RetKind.STATUS, set(DEFAULT, SECURITY), a("fd", FD), a("uargs", STRING), a("flags", HEX)));
        t.add(row("delete_module", RetKind.STATUS, set(DEFAULT, SECURITY), a("name", STRING), a("flags", HEX)));
        t.add(row("kexec_load", RetKind.STATUS, set(DEFAULT, SECURITY), a("entry", HEX), a("nr_segments", SIZE), a("segments", PTR), a("flags", HEX)));
        t.add(row("pidfd_open", RetKind.FD, set(DEFAULT, PROCESS, CREATES_FD), a("pid", PID), a("flags", HEX)));
        t.add(row("pidfd_getfd", RetKind.FD, set(DEFAULT, PROCESS, CREATES_FD, SECURITY), a("pidfd", FD), a("targetfd", FD), a("flags", HEX)));
        t.add(row("pidfd_send_signal", RetKind.STATUS, set(DEFAULT, SIGNALS), a("pidfd", FD), a("sig", SIGNAL), a("info", PTR), a("flags", HEX)));
        t.add(row("mprotect", RetKind.STATUS, set(MEMORY), a("addr", PTR), a("length", SIZE), a("prot", MMAP_PROT)));
        t.add(row("mmap", RetKind.ADDR, set(MEMORY), a("addr", PTR), a("length", SIZE), a("prot", MMAP_PROT), a("flags", MMAP_FLAGS), a("fd", FD), a("offset", HEX)));
        t.add(row("munmap", RetKind.STATUS, set(MEMORY), a("addr", PTR), a("length", SIZE)));
        t.add(row("brk", RetKind.ADDR, set(MEMORY), a("addr", PTR)));
        // NUMA memory policies (ps, numactl, runtimes that bind their heaps); a node mask's length is the next argument.
        t.add(row("set_mempolicy", RetKind.STATUS, set(MEMORY), a("mode", MPOL_MODE), a("nodemask", NODEMASK), a("maxnode", SIZE)));
        t.add(row("get_mempolicy", RetKind.STATUS, set(MEMORY), a("mode", MPOL_MODE_OUT), a("nodemask", NODEMASK_OUT),
                a("maxnode", SIZE), a("addr", PTR), a("flags", MPOL_GET_FLAGS)));
        t.add(row("mbind", RetKind.STATUS, set(MEMORY), a("addr", PTR), a("len", SIZE), a("mode", MPOL_MODE), a("nodemask", NODEMASK),
                a("maxnode", SIZE), a("flags", MPOL_MBIND_FLAGS)));
        // glibc frees a finished thread's stack with it: every threaded program's -a shows it.
        t.add(row("madvise", RetKind.STATUS, set(MEMORY), a("addr", PTR), a("length", SIZE), a("advice", MADV_ADVICE)));
        // Signals
        t.add(row("kill", RetKind.STATUS, set(DEFAULT, SIGNALS), a("pid", PID), a("sig", SIGNAL)));
        t.add(row("tkill", RetKind.STATUS, set(DEFAULT, SIGNALS), a("tid", PID), a("sig", SIGNAL)));
        t.add(row("tgkill", RetKind.STATUS, set(DEFAULT, SIGNALS), a("pid", PID), a("tid", PID), a("sig", SIGNAL)));
        // Very frequent (every libc fork, thread start, signal handler): never in a set, only --syscalls.
        t.add(row("rt_sigprocmask", RetKind.STATUS, set(), a("how", SIGPROCMASK_HOW), a("set", SIGSET), a("oldset", SIGSET_OUT), a("sigsetsize", SIZE)));
        t.add(row("rt_sigaction", RetKind.STATUS, set(), a("sig", SIGNAL), a("act", SIGACTION), a("oldact", SIGACTION_OUT), a("sigsetsize", SIZE)));
        // Takes no argument; its one "argument" is the mask the signal frame restores (the rows
        // before this one recorded the six raw registers, which still print as six words).
        t.add(row("rt_sigreturn", RetKind.INT, set(), a("mask", SIGRETURN_MASK)));
        // Identity reads and sleeps: never default; useful for benchmarks and --syscalls.
        t.add(row("getpid", RetKind.PID, set(PROCESS)));
        t.add(row("getppid", RetKind.PID, set(PROCESS)));
        t.add(row("gettid", RetKind.PID, set(PROCESS)));
        t.add(row("getuid", RetKind.INT, set(PROCESS)));
        t.add(row("nanosleep", RetKind.STATUS, set(), a("req", TIMESPEC), a("rem", TIMESPEC_REM)));
        t.add(row("clock_nanosleep", RetKind.STATUS, set(), a("clockid", CLOCK_ID), a("flags", TIMER_FLAGS), a("req", TIMESPEC), a("rem", TIMESPEC_REM)));
        t.add(row("restart_syscall", RetKind.INT, set()));
        // Calls every program makes (libc start-up, isatty, ls's ACL checks), in no set: rows only so
        // that -a prints their arguments as strace does instead of six raw words.
        t.add(row("geteuid", RetKind.INT, set()));
        t.add(row("getgid", RetKind.INT, set()));
        t.add(row("getegid", RetKind.INT, set()));
        t.add(row("getpgrp", RetKind.PID, set()));
        t.add(row("set_tid_address", RetKind.PID, set(), a("tidptr", PTR)));
        t.add(row("set_robust_list", RetKind.STATUS, set(), a("head", PTR), a("len", SIZE)));
        t.add(row("rseq", RetKind.STATUS, set(), a("rseq", PTR), a("rseq_len", HEX), a("flags", HEX), a("sig", HEX)));
        t.add(row("arch_prctl", RetKind.STATUS, set(), a("code", ARCH_PRCTL_CODE), a("addr", HEX)));
        t.add(row("prlimit64", RetKind.STATUS, set(), a("pid", PID), a("resource", RLIMIT_RESOURCE), a("new_limit", RLIMIT), a("old_limit", RLIMIT_OUT)));
        t.add(row("ioctl", RetKind.INT, set(), a("fd", FD), a("request", IOCTL_REQUEST), a("arg", IOCTL_ARG)));
        t.add(row("getxattr", RetKind.INT, set(), a("path", PATH), a("name", STRING), a("value", PTR), a("size", SIZE)));
        t.add(row("lgetxattr", RetKind.INT, set(), a("path", PATH), a("name", STRING), a("value", PTR), a("size", SIZE)));
        t.add(row("fgetxattr", RetKind.INT, set(), a("fd", FD), a("name", STRING), a("value", PTR), a("size", SIZE)));
        t.add(row("futex", RetKind.INT, set(), a("uaddr", PTR), a("futex_op", FUTEX_OP), a("val", INT), a("timeout", FUTEX_VAL2),
                a("uaddr2", PTR), a("val3", FUTEX_VAL3)));
        t.add(row("statfs", RetKind.STATUS, set(), a("path", PATH), a("buf", STATFS_OUT)));
        t.add(row("fstatfs", RetKind.STATUS, set(), a("fd", FD), a("buf", STATFS_OUT)));
        t.add(row("sched_getaffinity", RetKind.INT, set(), a("pid", PID), a("len", SIZE), a("mask", CPU_SET_OUT)));
        t.add(row("sched_yield", RetKind.STATUS, set()));
        t.add(row("getcwd", RetKind.INT, set(), a("buf", PATH_OUT), a("size", SIZE)));
        t.add(row("uname", RetKind.STATUS, set(), a("buf", UTSNAME_OUT)));
        t.add(row("sysinfo", RetKind.STATUS, set(), a("info", SYSINFO_OUT)));
        t.add(row("poll", RetKind.INT, set(), a("fds", POLLFDS), a("nfds", INT), a("timeout", INT)));
        t.add(row("ppoll", RetKind.INT, set(), a("fds", POLLFDS), a("nfds", INT), a("tmo_p", TIMESPEC_INOUT), a("sigmask", SIGSET),
                a("sigsetsize", SIZE)));
        t.add(row("getgroups", RetKind.INT, set(), a("size", INT), a("list", GID_LIST_OUT)));
        t.add(row("getrandom", RetKind.INT, set(), a("buf", RANDOM_OUT), a("count", SIZE), a("flags", GRND_FLAGS)));
        // Shells, coreutils, lock helpers and runtimes with their own signal stacks (Rust, Go).
        t.add(row("umask", RetKind.MODE, set(FILE), a("mask", MODE)));
        t.add(row("flock", RetKind.STATUS, set(FILE), a("fd", FD), a("operation", FLOCK_OP)));
        t.add(row("rt_sigsuspend", RetKind.STATUS, set(), a("mask", SIGSET), a("sigsetsize", SIZE)));
        t.add(row("sigaltstack", RetKind.STATUS, set(), a("ss", STACK_T), a("old_ss", STACK_T_OUT)));
        t.add(row("getresuid", RetKind.STATUS, set(PROCESS), a("ruid", ID_OUT), a("euid", ID_OUT), a("suid", ID_OUT)));
        t.add(row("getresgid", RetKind.STATUS, set(PROCESS), a("rgid", ID_OUT), a("egid", ID_OUT), a("sgid", ID_OUT)));
        // POSIX timers (timeout(1), runtimes' profilers): in no set.
        t.add(row("timer_create", RetKind.STATUS, set(), a("clockid", CLOCK_ID), a("sevp", SIGEVENT), a("timerid", ID_OUT)));
        t.add(row("timer_settime", RetKind.STATUS, set(), a("timerid", INT), a("flags", TIMER_FLAGS), a("new_value", ITIMERSPEC),
                a("old_value", ITIMERSPEC_OUT)));
        t.add(row("timer_gettime", RetKind.STATUS, set(), a("timerid", INT), a("curr_value", ITIMERSPEC_OUT)));
        t.add(row("timer_getoverrun", RetKind.INT, set(), a("timerid", INT)));
        t.add(row("timer_delete", RetKind.STATUS, set(), a("timerid", INT)));
        // libcap's and setpriv's queries (capsh --print, setpriv --dump): in no set, as getresuid.
        t.add(row("capget", RetKind.STATUS, set(PROCESS), a("hdrp", CAP_HEADER), a("datap", CAP_DATA_OUT)));
        // Event loops (python's asyncio, servers): every turn is an epoll_wait or epoll_pwait.
        // epoll_create, unlike epoll_create1, is in no set: its fd is as unknown to the fd table
        // as it was without the row (a CREATES_FD row would have to stop in the default set).
        t.add(row("epoll_create", RetKind.FD, set(), a("size", INT)));
        t.add(row("epoll_ctl", RetKind.STATUS, set(), a("epfd", FD), a("op", EPOLL_CTL_OP), a("fd", FD), a("event", EPOLL_EVENT)));
        t.add(row("epoll_wait", RetKind.INT, set(), a("epfd", FD), a("events", EPOLL_EVENTS_OUT), a("maxevents", INT), a("timeout", INT)));
        t.add(row("epoll_pwait", RetKind.INT, set(), a("epfd", FD), a("events", EPOLL_EVENTS_OUT), a("maxevents", INT), a("timeout", INT),
                a("sigmask", SIGSET), a("sigsetsize", SIZE)));
        t.add(row("epoll_pwait2", RetKind.INT, set(), a("epfd", FD), a("events", EPOLL_EVENTS_OUT), a("maxevents", INT),
                a("timeout", TIMESPEC), a("sigmask", SIGSET), a("sigsetsize", SIZE)));
        return t;
    }

    // ---------------------------------------------------------------------------------------------

    private record Row(String name, RetKind ret, Set<SyscallFlag> flags, List<ArgSpec> args, StopCondition when,
                       StopCondition exitWhen) {
        Row stopOnlyWhenArg(int argIndex, long... values) {
            return new Row(name, ret, flags, args, new StopCondition(argIndex, values.clone()), exitWhen);
        }

        Row stopOnlyWhenArgHasAnyBit(int argIndex, long bits) {
            return new Row(name, ret, flags, args, StopCondition.anyBit(argIndex, bits), exitWhen);
        }

        Row exitOnlyWhenArg(int argIndex, long... values) {
            return new Row(name, ret, flags, args, when, new StopCondition(argIndex, values.clone()));
        }

        Syscall toSyscall(int[] nrs, Set<SyscallClass> classes) {
            List<Arg> list = new ArrayList<>(args.size());
            for (int i = 0; i < args.size(); i++) {
                // Kinds that are no register come last: an argument's index is its register's
                // number for every register argument (the decoder reads raw[i], the filter arg i).
                if (i > 0 && args.get(i).kind.isRegister() && !args.get(i - 1).kind.isRegister()) {
                    throw new IllegalStateException(name + ": register argument " + args.get(i).name + " after a non-register one");
                }
                list.add(new Arg(i, args.get(i).name, args.get(i).kind));
            }
            return new Syscall(name, nrs[0], nrs[1], Collections.unmodifiableSet(flags), List.copyOf(list), ret, when, exitWhen, classes);
        }
    }

    private record ArgSpec(String name, ArgKind kind) {
    }

    private static Row row(String name, RetKind ret, Set<SyscallFlag> flags, ArgSpec... args) {
        return new Row(name, ret, flags, List.of(args), null, null);
    }

    private static ArgSpec a(String name, ArgKind kind) {
        return new ArgSpec(name, kind);
    }

    private static Set<SyscallFlag> set(SyscallFlag... flags) {
        EnumSet<SyscallFlag> s = EnumSet.noneOf(SyscallFlag.class);
        Collections.addAll(s, flags);
        return s;
    }

    private static Syscall generic(String name, int[] nrs, Set<SyscallClass> classes) {
        List<Arg> list = new ArrayList<>(6);
        for (int i = 0; i < 6; i++) {
            list.add(new Arg(i, "arg" + i, HEX));
        }
        return new Syscall(name, nrs[0], nrs[1], Collections.emptySet(), List.copyOf(list), RetKind.INT, null, null, classes);
    }

    /** Lines "name TAB class,class" or "name TAB -"; an unknown class fails class initialisation. */
    private static Map<String, Set<SyscallClass>> readClasses() {
        Map<String, Set<SyscallClass>> out = new HashMap<>();
        for (String line : readLines(CLASSES_RESOURCE)) {
            String[] f = line.split("\t");
            if (f.length != 2) throw new IllegalStateException(CLASSES_RESOURCE + ": bad line '" + line + "'");
            EnumSet<SyscallClass> set = EnumSet.noneOf(SyscallClass.class);
            if (!f[1].equals("-")) {
                for (String name : f[1].split(",")) {
                    SyscallClass c = SyscallClass.byTableName(name);
                    if (c == null) throw new IllegalStateException(CLASSES_RESOURCE + ": unknown class '" + name + "' of " + f[0]);
                    set.add(c);
                }
            }
            if (out.put(f[0], Collections.unmodifiableSet(set)) != null) {
                throw new IllegalStateException(CLASSES_RESOURCE + ": two lines for " + f[0]);
            }
        }
        return out;
    }

    private static Map<String, int[]> readNumbers() {
        Map<String, int[]> out = new HashMap<>();
        for (String line : readLines(NUMBERS_RESOURCE)) {
            String[] f = line.split("\t");
            out.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
        return out;
    }

    private static List<String> readLines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
