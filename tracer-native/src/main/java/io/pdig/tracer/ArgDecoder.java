package io.pdig.tracer;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.Arg;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Phase;
import io.pdig.model.syscall.RetKind;
import io.pdig.model.syscall.Syscall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Decodes syscall arguments by {@link ArgKind} only: no per-syscall switch. Entry-phase kinds are
 * decoded at the entry (seccomp) stop, exit-phase kinds at the exit stop. Unreadable memory becomes
 * {@link ArgValue.Unreadable}, never an exception. Confined to the tracer thread.
 */
final class ArgDecoder {

    /** sizeof(struct sockaddr_storage): longer addresses are cut here. */
    static final int SOCKADDR_MAX = 128;
    static final int CLONE_ARGS_MAX = 96;

    private final TraceeMemory mem;
    private final int stringLimit;

    ArgDecoder(TraceeMemory mem, int stringLimit) {
        this.mem = mem;
        this.stringLimit = stringLimit;
    }

    /** Entry-phase arguments; exit-phase slots stay null until {@link #decodeExit}. */
    ArgValue[] decodeEntry(int tid, Syscall row, Abi abi, long[] raw) {
        if (row == null) {
            ArgValue[] out = new ArgValue[6];
            for (int i = 0; i < 6; i++) {
                out[i] = new ArgValue.Num(abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i]);
            }
            return out;
        }
        List<Arg> args = row.args();
        ArgValue[] out = new ArgValue[args.size()];
        for (int i = 0; i < out.length; i++) {
            ArgKind kind = args.get(i).kind();
            if (kind.phase() == Phase.ENTRY) {
                out[i] = decodeOne(tid, row, abi, raw, i, kind, 0);
            }
        }
        return out;
    }

    /** Fills exit-phase arguments and re-resolves the path of a call that returned a new fd. */
    void decodeExit(int tid, Syscall row, Abi abi, long[] raw, ArgValue[] out, long res) {
        if (row == null) {
            return;
        }
        List<Arg> args = row.args();
        boolean pathFixed = false;
        for (int i = 0; i < out.length; i++) {
            ArgKind kind = args.get(i).kind();
            if (kind.phase() == Phase.EXIT) {
                out[i] = decodeOne(tid, row, abi, raw, i, kind, res);
            } else if (kind == ArgKind.PATH && !pathFixed && row.ret() == RetKind.FD && res >= 0
                    && out[i] instanceof ArgValue.Path p) {
                // What the kernel actually opened: closes the gap where another thread rewrote the
                // path between our read and the kernel's.
                byte[] opened = mem.readlinkProc(tid, TraceeMemory.LINK_FD, (int) res);
                if (opened != null) {
                    out[i] = new ArgValue.Path(p.raw(), opened, p.truncated());
                }
                pathFixed = true;
            }
        }
    }

    private ArgValue decodeOne(int tid, Syscall row, Abi abi, long[] raw, int i, ArgKind kind, long res) {
        long v = raw[i];
        long ptr = abi == Abi.I386 ? v & 0xffffffffL : v;
        int ptrSize = abi == Abi.I386 ? 4 : 8;
        switch (kind) {
            case PATH: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                TraceeMemory.Str s = mem.readString(tid, ptr, stringLimit);
                if (!s.ok()) return new ArgValue.Unreadable(ptr, s.errno());
                int dirfd = Ptrace.AT_FDCWD;
                if (i > 0 && row.args().get(i - 1).kind() == ArgKind.DIRFD) {
                    dirfd = (int) raw[i - 1];
                }
                return new ArgValue.Path(s.bytes(), s.truncated() ? null : resolve(tid, dirfd, s.bytes()), s.truncated());
            }
            case STRING: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                TraceeMemory.Str s = mem.readString(tid, ptr, stringLimit);
                return s.ok() ? new ArgValue.Bytes(s.bytes(), s.truncated()) : new ArgValue.Unreadable(ptr, s.errno());
            }
            case ARGV: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                TraceeMemory.StrArray a = mem.readStringArray(tid, ptr, ptrSize, stringLimit);
                return a.items() != null ? new ArgValue.StrList(a.items(), a.truncated()) : new ArgValue.Unreadable(ptr, a.errno());
            }
            case SOCKADDR: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                int len = (int) Math.min(Math.max(i + 1 < raw.length ? raw[i + 1] & 0xffffffffL : 0, 0), SOCKADDR_MAX);
                return sockaddr(tid, ptr, len);
            }
            case SOCKADDR_OUT: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0) return new ArgValue.Num(ptr);
                long lenPtr = i + 1 < raw.length ? (abi == Abi.I386 ? raw[i + 1] & 0xffffffffL : raw[i + 1]) : 0;
                if (lenPtr == 0) return new ArgValue.Num(ptr);
                long[] len = mem.readWords(tid, lenPtr, 1, 4);
                if (len == null || len.length == 0) return new ArgValue.Unreadable(lenPtr, mem.readErrno(tid, lenPtr));
                return sockaddr(tid, ptr, (int) Math.min(len[0], SOCKADDR_MAX));
            }
            case FD_PAIR_OUT: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0) return new ArgValue.Num(ptr);
                long[] fds = mem.readWords(tid, ptr, 2, 4);
                if (fds == null || fds.length < 2) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.FdPair((int) fds[0], (int) fds[1]);
            }
            case CLONE_ARGS: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long size = i + 1 < raw.length ? raw[i + 1] : 64;
                int n = (int) Math.min(Math.max(size, 8), CLONE_ARGS_MAX) / 8;
                return words(tid, ptr, n, 8);
            }
            case OPEN_HOW:
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                return words(tid, ptr, 3, 8);
            case CAP_DATA:
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                // Two struct __user_cap_data_struct of three u32 each (version 3 headers).
                return words(tid, ptr, 6, 4);
            case FD:
            case DIRFD:
            case PID:
            case SIGNAL:
                return new ArgValue.Num((int) v); // C int in the kernel: sign-extend the low 32 bits
            case UID:
            case GID:
                return new ArgValue.Num(v & 0xffffffffL);
            case INT:
                return new ArgValue.Num(abi == Abi.I386 ? (long) (int) v : v);
            default:
                return new ArgValue.Num(abi == Abi.I386 ? v & 0xffffffffL : v);
        }
    }

    private ArgValue sockaddr(int tid, long ptr, int len) {
        if (len <= 0) return new ArgValue.SockAddr(new byte[0]);
        byte[] b = mem.readBytes(tid, ptr, len);
        return b != null ? new ArgValue.SockAddr(b) : new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
    }

    private ArgValue words(int tid, long ptr, int n, int wordSize) {
        long[] w = mem.readWords(tid, ptr, n, wordSize);
        return w != null ? new ArgValue.Words(w) : new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
    }

    /** Absolute, lexically normalised path; null when the base directory cannot be read. */
    byte[] resolve(int tid, int dirfd, byte[] path) {
        if (path.length > 0 && path[0] == '/') {
            return normalize(path);
        }
        byte[] base = dirfd == Ptrace.AT_FDCWD
                ? mem.readlinkProc(tid, TraceeMemory.LINK_CWD, 0)
                : mem.readlinkProc(tid, TraceeMemory.LINK_FD, dirfd);
        if (base == null || base.length == 0 || base[0] != '/') {
            return null; // unresolvable (cwd deeper than PATH_MAX, bad dirfd, not a directory path)
        }
        if (path.length == 0) {
            return base; // AT_EMPTY_PATH: the dirfd itself
        }
        byte[] joined = new byte[base.length + 1 + path.length];
        System.arraycopy(base, 0, joined, 0, base.length);
        joined[base.length] = '/';
        System.arraycopy(path, 0, joined, base.length + 1, path.length);
        return normalize(joined);
    }

    /** Removes "." and empty components and applies ".." lexically (bytes kept exactly, ISO-8859-1 is lossless). */
    static byte[] normalize(byte[] abs) {
        String s = new String(abs, StandardCharsets.ISO_8859_1);
        Deque<String> parts = new ArrayDeque<>();
        for (String c : s.split("/")) {
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(c);
            }
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (String c : parts) {
            sb.append('/').append(c);
        }
        if (sb.length() == 0) sb.append('/');
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
