package io.pdig.analyzer.state;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;

/**
 * Fd-table updates for files and other non-socket fds: the open family, close/close_range
 * (deferred), dup/dup2/dup3, fcntl F_DUPFD/F_DUPFD_CLOEXEC/F_SETFD, pipe/pipe2, memfd_create and
 * the anonymous-inode fds (eventfd, signalfd, timerfd, inotify, epoll, userfaultfd, io_uring,
 * pidfd, bpf). Close-on-exec bits are tracked from the flags so exec can close those fds.
 */
final class FdStateHandler {
    static final int AT_FDCWD = -100;
    static final long O_CLOEXEC = 02000000, O_DIRECTORY = 0200000, O_TMPFILE_DIR = 020000000;
    static final int F_DUPFD = 0, F_SETFD = 2, F_DUPFD_CLOEXEC = 1030, FD_CLOEXEC = 1;
    static final int CLOSE_RANGE_UNSHARE = 2, CLOSE_RANGE_CLOEXEC = 4;
    static final int MFD_CLOEXEC = 1;

    private final Deferred deferred;

    FdStateHandler(Deferred deferred) {
        this.deferred = deferred;
    }

    /** Applies the event to the process's fd table. Returns true when the syscall was handled here. */
    boolean apply(SyscallEvent s, ProcessInfo p) {
        String name = s.name();
        switch (name) {
            case "close" -> {
                if (s.failed()) return true;
                int fd = (int) num(s, "fd", -1);
                FdTable t = p.fds;
                FdInfo f = t.get(fd);
                if (f != null) {
                    deferred.removeFdLater(t, fd, f);
                }
                return true;
            }
            case "fcntl" -> {
                // F_SETFD stops at its entry only (the syscall table's exit condition): like close,
                // it is applied unless known to have failed; on a bad fd there is nothing to apply.
                if (num(s, "cmd", -1) == F_SETFD) {
                    if (s.failed()) return true;
                    FdInfo f = p.fds.get((int) num(s, "fd", -1));
                    if (f != null) f.cloexec = (num(s, "arg", 0) & FD_CLOEXEC) != 0;
                    return true;
                }
            }
            case "close_range" -> {
                if (!s.hasResult() || s.failed()) return true;
                long lo = num(s, "fd", 0) & 0xffffffffL;
                long hi = num(s, "max_fd", 0) & 0xffffffffL;
                long flags = num(s, "flags", 0);
                if ((flags & CLOSE_RANGE_UNSHARE) != 0) {
                    p.fds = p.fds.copy();
                }
                FdTable t = p.fds;
                for (int fd : t.numbersInRange(lo, hi)) {
                    if ((flags & CLOSE_RANGE_CLOEXEC) != 0) {
                        t.get(fd).cloexec = true;
                    } else {
                        deferred.removeFdLater(t, fd, t.get(fd));
                    }
                }
                return true;
            }
            default -> {
            }
        }
        if (!s.hasResult() || s.failed()) {
            return isOpen(name);
        }
        long res = s.res();
        switch (name) {
            case "open", "openat", "openat2", "creat", "open_by_handle_at" -> p.fds.put(opened(s, p, (int) res));
            case "dup" -> dup(p, (int) num(s, "fd", -1), (int) res, false);
            case "dup2" -> dup(p, (int) num(s, "oldfd", -1), (int) res, false);
            case "dup3" -> dup(p, (int) num(s, "oldfd", -1), (int) res, (num(s, "flags", 0) & O_CLOEXEC) != 0);
            case "fcntl" -> {
                long cmd = num(s, "cmd", -1);
                int fd = (int) num(s, "fd", -1);
                if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
                    dup(p, fd, (int) res, cmd == F_DUPFD_CLOEXEC);
                }
            }
            case "pipe", "pipe2" -> {
                if (s.arg("fds") instanceof ArgValue.FdPair pair) {
                    boolean cloexec = (num(s, "flags", 0) & O_CLOEXEC) != 0;
                    for (int fd : new int[] {pair.first(), pair.second()}) {
                        FdInfo f = new FdInfo(fd, FdKind.PIPE, "");
                        f.cloexec = cloexec;
                        p.fds.put(f);
                    }
                }
            }
            case "memfd_create" -> {
                String n = s.arg("name") instanceof ArgValue.Bytes b ? PathNames.text(b.bytes()) : "";
                FdInfo f = new FdInfo((int) res, FdKind.MEMFD, "memfd:" + n);
                f.cloexec = (num(s, "flags", 0) & MFD_CLOEXEC) != 0;
                p.fds.put(f);
            }
            case "eventfd", "eventfd2" -> anon(s, p, res, FdKind.EVENT);
            case "signalfd", "signalfd4" -> {
                if (num(s, "fd", -1) == -1) anon(s, p, res, FdKind.SIGNALFD);
            }
            case "timerfd_create" -> anon(s, p, res, FdKind.TIMERFD);
            case "inotify_init", "inotify_init1" -> anon(s, p, res, FdKind.INOTIFY);
            case "epoll_create", "epoll_create1" -> anon(s, p, res, FdKind.EVENTPOLL);
            case "userfaultfd" -> anon(s, p, res, FdKind.USERFAULTFD);
            case "io_uring_setup" -> anon(s, p, res, FdKind.IO_URING);
            case "pidfd_open" -> anon(s, p, res, FdKind.PIDFD);
            case "bpf" -> {
                long cmd = num(s, "cmd", -1);
                // commands that return a new fd: MAP_CREATE, PROG_LOAD, OBJ_GET, *_GET_FD_BY_ID, BTF_LOAD, LINK_CREATE
                if (cmd == 0 || cmd == 5 || cmd == 7 || cmd == 13 || cmd == 14 || cmd == 18 || cmd == 19 || cmd == 28) {
                    anon(s, p, res, FdKind.BPF);
                }
            }
            default -> {
                return isOpen(name);
            }
        }
        return true;
    }

    static boolean isOpenCall(String name) {
        return isOpen(name);
    }

    private static boolean isOpen(String name) {
        return switch (name) {
            case "open", "openat", "openat2", "creat" -> true;
            default -> false;
        };
    }

    /** The fd entry an open created, named from the resolved path (or raw path against dirfd/cwd). */
    static FdInfo opened(SyscallEvent s, ProcessInfo p, int fd) {
        long flags = openFlags(s);
        FdInfo f = new FdInfo(fd, (flags & O_DIRECTORY) != 0 && (flags & O_TMPFILE_DIR) == 0 ? FdKind.DIRECTORY
                : FdKind.FILE, null);
        ArgValue v = s.arg("name");
        if (v instanceof ArgValue.Path path) {
            f.nameRaw = PathNames.text(path.raw());
            f.name = path.resolved() != null ? PathNames.text(path.resolved()) : PathNames.resolve(base(s, p), f.nameRaw);
        }
        f.openFlags = flags;
        f.cloexec = (flags & O_CLOEXEC) != 0;
        return f;
    }

    /** Falco's view of a failed open: no table entry, fd.num -1, names from the path argument. */
    static FdInfo failedOpen(SyscallEvent s, ProcessInfo p) {
        FdInfo f = opened(s, p, -1);
        // libsinsp quirk reproduced: a failed legacy open() has fd.typechar 'o', the *at variants 'f'
        if (s.name().equals("open")) {
            f.kind = FdKind.UNKNOWN;
        }
        return f;
    }

    static long openFlags(SyscallEvent s) {
        Long f = OpenCalls.flags(s);
        return f != null ? f : 0;
    }

    private static String base(SyscallEvent s, ProcessInfo p) {
        long dirfd = num(s, "dirfd", AT_FDCWD);
        if (dirfd == AT_FDCWD) {
            return p.cwd;
        }
        FdInfo d = p.fds.get((int) dirfd);
        return d == null ? null : d.name;
    }

    private static void dup(ProcessInfo p, int oldFd, int newFd, boolean cloexec) {
        FdInfo old = p.fds.get(oldFd);
        if (old == null || newFd < 0) {
            p.fds.remove(newFd);
            return;
        }
        FdInfo n = old.copyAs(newFd);
        n.cloexec = cloexec;
        p.fds.put(n);
    }

    private static void anon(SyscallEvent s, ProcessInfo p, long res, FdKind kind) {
        FdInfo f = new FdInfo((int) res, kind, "");
        f.cloexec = (num(s, "flags", 0) & O_CLOEXEC) != 0;
        p.fds.put(f);
    }

    static long num(SyscallEvent s, String name, long dflt) {
        return s.arg(name) instanceof ArgValue.Num n ? n.value() : dflt;
    }

    /** An fd from an attach-time snapshot, classified from its /proc/PID/fd link text. */
    static FdInfo fromProcPath(int fd, String link) {
        if (link == null) {
            return new FdInfo(fd, FdKind.UNKNOWN, "");
        }
        if (link.startsWith("/memfd:")) {
            String n = link.substring(7);
            if (n.endsWith(" (deleted)")) n = n.substring(0, n.length() - 10);
            return new FdInfo(fd, FdKind.MEMFD, "memfd:" + n);
        }
        if (link.startsWith("/")) {
            return new FdInfo(fd, FdKind.FILE, link);
        }
        if (link.startsWith("pipe:")) {
            return new FdInfo(fd, FdKind.PIPE, link);
        }
        if (link.startsWith("anon_inode:")) {
            String k = link.substring(11).replace("[", "").replace("]", "");
            FdKind kind = switch (k) {
                case "eventfd" -> FdKind.EVENT;
                case "eventpoll" -> FdKind.EVENTPOLL;
                case "inotify" -> FdKind.INOTIFY;
                case "signalfd" -> FdKind.SIGNALFD;
                case "timerfd" -> FdKind.TIMERFD;
                case "userfaultfd" -> FdKind.USERFAULTFD;
                case "io_uring" -> FdKind.IO_URING;
                case "pidfd" -> FdKind.PIDFD;
                default -> k.startsWith("bpf") ? FdKind.BPF : FdKind.UNKNOWN;
            };
            return new FdInfo(fd, kind, "");
        }
        return new FdInfo(fd, FdKind.UNKNOWN, link);
    }
}
