package io.pdig.tracer;

import io.pdig.model.consts.Capabilities;
import io.pdig.model.consts.FileConsts;
import io.pdig.model.event.ArgValue;
import io.pdig.model.render.FutexText;
import io.pdig.model.render.PrctlText;
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

    /** Linux's EINPROGRESS: a non-blocking connect that goes on; its socket is bound already. */
    private static final long EINPROGRESS = 115;

    private final TraceeMemory mem;
    private final SocketNames sockets;
    private final int stringLimit;
    /** Most bytes captured of one data buffer (DATA, DATA_OUT, an iovec's); at most the memory reader's scratch. */
    private final int snapLen;

    private final IoVecReader iovecs;
    private final MsgHdrReader msghdrs;
    private final MMsgHdrReader mmsghdrs;

    ArgDecoder(TraceeMemory mem, SocketNames sockets, int stringLimit, int snapLen) {
        this.mem = mem;
        this.sockets = sockets;
        this.stringLimit = stringLimit;
        this.snapLen = snapLen;
        this.iovecs = new IoVecReader(mem, snapLen);
        this.msghdrs = new MsgHdrReader(mem, iovecs);
        this.mmsghdrs = new MMsgHdrReader(mem, msghdrs);
    }

    /**
     * Entry-phase arguments; exit-phase slots stay null until {@link #decodeExitArgs}. With
     * {@code exitFollows}, the path of a call that returns a new fd is left unresolved here:
     * {@link #resolveOpenedPath} takes it from the new fd (what the kernel really opened), or resolves it
     * then if the call failed, so a successful open costs one /proc readlink instead of two.
     * {@code sp} is the thread's stack pointer at this stop (0 when unknown), read only by the
     * kinds that live on the stack ({@link ArgKind#SIGRETURN_MASK}).
     */
    ArgValue[] decodeEntry(int tid, Syscall row, Abi abi, long[] raw, boolean exitFollows, long sp) {
        if (row == null) {
            ArgValue[] out = new ArgValue[6];
            for (int i = 0; i < 6; i++) {
                out[i] = ArgValue.Num.of(abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i]);
            }
            return out;
        }
        List<Arg> args = row.args();
        ArgValue[] out = new ArgValue[args.size()];
        int deferredPath = exitFollows && row.ret() == RetKind.FD ? firstPath(args) : -1;
        for (int i = 0; i < out.length; i++) {
            ArgKind kind = args.get(i).kind();
            if (kind == ArgKind.SIGRETURN_MASK) {
                out[i] = sigreturnMask(tid, abi, sp);
            } else if (kind.phase() == Phase.ENTRY) {
                out[i] = decodeOne(tid, row, abi, raw, i, kind, 0, i != deferredPath);
            } else if (kind == ArgKind.SOCKADDR_OUT && exitFollows) {
                // The buffer's size as the caller gave it, until the exit stop replaces it: the
                // kernel writes at most that many bytes but returns the address's full length,
                // and bytes past the size are the caller's own (they could forge a peer).
                out[i] = callerLength(tid, abi, raw, i);
            } else if (kind == ArgKind.MSGHDR_OUT && exitFollows) {
                // recvmsg's msg_namelen as the caller set it, until the exit stop replaces it with
                // the msghdr: the kernel overwrites it, and it bounds the address it writes.
                long ptr = abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i];
                out[i] = ptr == 0 ? ArgValue.Null.INSTANCE : msghdrs.namelenAtEntry(tid, ptr, abi == Abi.I386 ? 4 : 8);
            } else if (kind == ArgKind.MMSGHDR_OUT && exitFollows) {
                // recvmmsg's: each message's msg_namelen as the caller set it, as recvmsg's above
                // (the vector's count, vlen, is the next argument)
                long ptr = abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i];
                out[i] = ptr == 0 ? ArgValue.Null.INSTANCE : mmsghdrs.namelensAtEntry(tid, ptr, raw[i + 1], abi == Abi.I386 ? 4 : 8);
            } else if (!exitFollows) {
                // No exit stop will come: what the kernel writes there is never seen (nor the
                // lengths of an in/out argument), so the pointer, as strace shows it; what the
                // tracer reads on its own at the exit (no register) is not read at all: Null.
                // Every exit-phase kind alike, so a new one cannot be left null (the journal has none).
                out[i] = kind.isRegister() ? unwritten(kind, abi, raw, i) : ArgValue.Null.INSTANCE;
            }
        }
        return out;
    }

    /**
     * Fills exit-phase arguments only. They are read from tracee memory and the tracee's fd table
     * (thread {@code tid} of process {@code pid}), so this must run while the thread is still
     * stopped at its exit.
     */
    void decodeExitArgs(int pid, int tid, Syscall row, Abi abi, long[] raw, ArgValue[] out, long res) {
        if (row == null) {
            return;
        }
        List<Arg> args = row.args();
        for (int i = 0; i < out.length; i++) {
            ArgKind kind = args.get(i).kind();
            if (kind == ArgKind.CLONE_ARGS_OUT) {
                // a clone3 that kept its exit stop (CLONE_VFORK), or one that failed: nothing written
                out[i] = res > 0 ? cloneArgsOut(tid, args, out) : ArgValue.Null.INSTANCE;
            } else if (!kind.isRegister()) {
                continue; // after the loop: they depend on the SOCKADDR_OUT value read in it
            } else if (kind == ArgKind.SOCKADDR_OUT) {
                ArgValue given = out[i];
                long[] returned = returnedLength(tid, abi, raw, i, res);
                out[i] = sockaddrOut(tid, abi, raw, i, res, given, returned);
                if (i + 1 < out.length && args.get(i + 1).kind() == ArgKind.SOCKLEN_INOUT) {
                    out[i + 1] = socklen(abi, raw, i + 1, res, given, returned);
                }
            } else if (kind == ArgKind.MSGHDR_OUT) {
                out[i] = msghdrOut(tid, abi, raw, i, res, out[i]);
            } else if (kind == ArgKind.MMSGHDR_OUT) {
                out[i] = mmsghdrOut(tid, abi, raw, i, res, out[i]);
            } else if (kind == ArgKind.MMSGHDR && res > 0 && out[i] instanceof ArgValue.MMsgHdrs sent) {
                // sendmmsg's vector read at the entry, now with the msg_len of each message sent
                long ptr = abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i];
                out[i] = mmsghdrs.withLengths(tid, ptr, res, sent, abi == Abi.I386 ? 4 : 8);
            } else if (kind == ArgKind.SOCKLEN_INOUT) {
                if (out[i] == null) out[i] = pointer(abi, raw, i); // only ever after a SOCKADDR_OUT, which filled it
            } else if (kind == ArgKind.TIMESPEC_INOUT) {
                out[i] = timeLeft(tid, abi, out[i], res);
            } else if (kind.phase() == Phase.EXIT) {
                out[i] = decodeOne(tid, row, abi, raw, i, kind, res, true);
            } else if (kind == ArgKind.CLONE_PARENT_TID && res > 0) {
                out[i] = parentTid(tid, args, raw, out[i]); // a clone that kept its exit stop (vfork)
            }
        }
        socketNames(pid, tid, row, raw, out, res);
    }

    /**
     * Fills the {@link ArgKind#SOCK_LOCAL} and {@link ArgKind#SOCK_PEER} slots of a row that has
     * them: the socket's addresses, read from the socket itself with one native call, for a call
     * that succeeded or returned EINPROGRESS. The peer is asked only when the call's own
     * SOCKADDR_OUT argument did not yield it whole. Null for what was not read or is unknown.
     */
    private void socketNames(int pid, int tid, Syscall row, long[] raw, ArgValue[] out, long res) {
        List<Arg> args = row.args();
        int local = -1, peer = -1, fdArg = -1, given = -1;
        for (int i = 0; i < out.length; i++) {
            ArgKind kind = args.get(i).kind();
            if (kind == ArgKind.SOCK_LOCAL) local = i;
            else if (kind == ArgKind.SOCK_PEER) peer = i;
            else if (kind == ArgKind.FD && fdArg < 0) fdArg = i;
            else if (kind == ArgKind.SOCKADDR_OUT) given = i;
        }
        if (local < 0 && peer < 0) return;
        if (local >= 0) out[local] = ArgValue.Null.INSTANCE;
        if (peer >= 0) out[peer] = ArgValue.Null.INSTANCE;
        if (res < 0 && res != -EINPROGRESS) return;
        int fd = row.ret() == RetKind.FD ? (int) res : fdArg >= 0 ? (int) raw[fdArg] : -1;
        int want = (local >= 0 ? SocketNames.LOCAL : 0)
                | (peer >= 0 && !wholeAddress(out, given) ? SocketNames.PEER : 0);
        if (want == 0) return;
        byte[][] names = sockets.read(pid, tid, fd, want);
        if (local >= 0 && names[0] != null) out[local] = new ArgValue.SockAddr(names[0]);
        if (peer >= 0 && names[1] != null) out[peer] = new ArgValue.SockAddr(names[1]);
    }

    /**
     * Whether the SOCKADDR_OUT argument at {@code i} holds the whole address: read, and not cut by
     * a buffer smaller than the length the kernel returned (the SOCKLEN_INOUT after it).
     */
    private static boolean wholeAddress(ArgValue[] out, int i) {
        if (i < 0 || !(out[i] instanceof ArgValue.SockAddr a) || a.bytes().length == 0) return false;
        return !(i + 1 < out.length && out[i + 1] instanceof ArgValue.Words w && w.words().length == 2
                && w.words()[1] > a.bytes().length);
    }

    /** CLONE_PARENT_SETTID and CLONE_PIDFD: the kernel writes an int through clone's parent_tid. */
    private static final long WRITES_PARENT_TID = 0x100000L | 0x1000L;

    /**
     * For a clone that succeeded (its fork event, or an exit stop with a child's tid): what the
     * kernel wrote through its CLONE_PARENT_TID argument, which it does before both, replaces the
     * pointer. Only under the flags that write it; a pointer the kernel could not write (it
     * ignores that failure) is Unreadable. Rows without that kind are left alone.
     */
    void cloneSucceeded(int tid, Syscall row, long[] raw, ArgValue[] out) {
        if (row == null) return;
        List<Arg> args = row.args();
        for (int i = 0; i < out.length && i < args.size(); i++) {
            if (args.get(i).kind() == ArgKind.CLONE_PARENT_TID) out[i] = parentTid(tid, args, raw, out[i]);
            if (args.get(i).kind() == ArgKind.CLONE_ARGS_OUT) out[i] = cloneArgsOut(tid, args, out);
        }
    }

    /** clone_args' flags, pidfd and parent_tid: word indexes in the struct as read (all fields are u64). */
    private static final int CL_FLAGS = 0, CL_PIDFD = 1, CL_PARENT_TID = 3;
    private static final long CLONE_PIDFD = 0x1000L, CLONE_PARENT_SETTID = 0x100000L;

    /**
     * What a successful clone3 wrote through clone_args (see {@link ArgKind#CLONE_ARGS_OUT}):
     * Words {pidfd, parent_tid, read}, one 4-byte read per flag that makes the kernel write one.
     * Null without those flags or when the struct itself was not read.
     */
    private ArgValue cloneArgsOut(int tid, List<Arg> args, ArgValue[] out) {
        ArgValue.Words cl = null;
        for (int k = 0; k < args.size() && k < out.length; k++) {
            if (args.get(k).kind() == ArgKind.CLONE_ARGS && out[k] instanceof ArgValue.Words w && w.words().length > CL_PARENT_TID) cl = w;
        }
        if (cl == null) return ArgValue.Null.INSTANCE;
        long flags = cl.words()[CL_FLAGS];
        if ((flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) == 0) return ArgValue.Null.INSTANCE;
        long[] written = new long[3];
        if ((flags & CLONE_PIDFD) != 0 && readInt(tid, cl.words()[CL_PIDFD], written, 0)) written[2] |= 1;
        if ((flags & CLONE_PARENT_SETTID) != 0 && readInt(tid, cl.words()[CL_PARENT_TID], written, 1)) written[2] |= 2;
        return new ArgValue.Words(written);
    }

    /** Reads the int at {@code addr} into {@code into[k]}; false when it cannot be read. */
    private boolean readInt(int tid, long addr, long[] into, int k) {
        long[] w = addr == 0 ? null : mem.readWords(tid, addr, 1, 4);
        if (w == null || w.length < 1) return false;
        into[k] = w[0];
        return true;
    }

    /** {@link #cloneSucceeded} for one CLONE_PARENT_TID value: {@code atEntry} (its pointer) or what was written there. */
    private ArgValue parentTid(int tid, List<Arg> args, long[] raw, ArgValue atEntry) {
        int flags = flagsArgument(args);
        if (!(atEntry instanceof ArgValue.Num n) || n.value() == 0 || flags < 0 || (raw[flags] & WRITES_PARENT_TID) == 0) {
            return atEntry;
        }
        long[] w = mem.readWords(tid, n.value(), 1, 4);
        return w == null || w.length < 1 ? new ArgValue.Unreadable(n.value(), mem.readErrno(tid, n.value()))
                : new ArgValue.Words(new long[] {n.value(), w[0]});
    }

    /** Index of the row's CLONE_FLAGS argument, or -1. */
    private static int flagsArgument(List<Arg> args) {
        for (int k = 0; k < args.size(); k++) {
            if (args.get(k).kind() == ArgKind.CLONE_FLAGS) return k;
        }
        return -1;
    }

    /**
     * Offset of uc_sigmask in x86_64's struct ucontext (uc_flags, uc_link, a 24-byte stack_t, a
     * 256-byte sigcontext). At rt_sigreturn's entry the stack pointer is the ucontext's address:
     * the signal frame starts with the handler's return address, which its {@code ret} popped
     * (test-programs/src/sigreturn_mask.c prints both facts).
     */
    private static final long UC_SIGMASK_OFFSET = 296;

    /** The mask rt_sigreturn will restore: Words {address, mask}, see {@link ArgKind#SIGRETURN_MASK}. */
    private ArgValue sigreturnMask(int tid, Abi abi, long sp) {
        if (abi != Abi.X86_64 || sp == 0) return ArgValue.Num.of(abi == Abi.I386 ? sp & 0xffffffffL : sp);
        long addr = sp + UC_SIGMASK_OFFSET;
        long[] w = mem.readWords(tid, addr, 1, 8);
        if (w == null || w.length < 1) return new ArgValue.Unreadable(addr, mem.readErrno(tid, addr));
        return new ArgValue.Words(new long[] {addr, w[0]});
    }

    /** *addrlen at the entry stop (the argument after the address), as a Num; null when unknown. */
    private ArgValue callerLength(int tid, Abi abi, long[] raw, int i) {
        long lenPtr = lengthPointer(abi, raw, i);
        if (raw[i] == 0 || lenPtr == 0) return null;
        long[] len = mem.readWords(tid, lenPtr, 1, 4);
        return len == null || len.length == 0 ? null : ArgValue.Num.of(len[0]);
    }

    private static long lengthPointer(Abi abi, long[] raw, int i) {
        return i + 1 < raw.length ? (abi == Abi.I386 ? raw[i + 1] & 0xffffffffL : raw[i + 1]) : 0;
    }

    /**
     * *addrlen at the exit stop of a call that succeeded (the length the kernel returned), read
     * once for both the address and the length argument; null when not read or unreadable.
     */
    private long[] returnedLength(int tid, Abi abi, long[] raw, int i, long res) {
        long lenPtr = lengthPointer(abi, raw, i);
        if (res < 0 || raw[i] == 0 || lenPtr == 0) return null;
        return mem.readWords(tid, lenPtr, 1, 4);
    }

    /**
     * The length argument after an address the kernel wrote: Words {in, out} (strace's
     * {@code [2 => 16]}), {in} when the call failed or the returned length could not be read
     * (strace's {@code [16]}), the pointer when the caller's size was not read at the entry.
     */
    private static ArgValue socklen(Abi abi, long[] raw, int k, long res, ArgValue given, long[] returned) {
        ArgValue ptr = pointer(abi, raw, k);
        if (ptr instanceof ArgValue.Null || !(given instanceof ArgValue.Num in)) return ptr;
        if (res < 0 || returned == null || returned.length == 0) return new ArgValue.Words(new long[] {in.value()});
        return new ArgValue.Words(new long[] {in.value(), returned[0]});
    }

    /**
     * An exit-phase argument whose exit stop did not come: its pointer, except ioctl's and prctl's
     * arguments, plain words under most requests and options, which keep the number their HEX kind
     * showed (0, not NULL).
     */
    private static ArgValue unwritten(ArgKind kind, Abi abi, long[] raw, int k) {
        if (kind == ArgKind.IOCTL_ARG || kind == ArgKind.PRCTL_ARG) return ArgValue.Num.of(abi == Abi.I386 ? raw[k] & 0xffffffffL : raw[k]);
        return pointer(abi, raw, k);
    }

    private static ArgValue pointer(Abi abi, long[] raw, int k) {
        long p = abi == Abi.I386 ? raw[k] & 0xffffffffL : raw[k];
        return p == 0 ? ArgValue.Null.INSTANCE : ArgValue.Num.of(p);
    }

    /**
     * recvmsg's msghdr at its exit: as the kernel filled it when the call succeeded; when it
     * failed, only the msg_namelen read at the entry ({@code atEntry}, strace's {@code
     * {msg_namelen=16}}), or the entry's Unreadable, or the pointer when the entry read nothing.
     */
    private ArgValue msghdrOut(int tid, Abi abi, long[] raw, int i, long res, ArgValue atEntry) {
        long ptr = abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i];
        if (ptr == 0) return ArgValue.Null.INSTANCE;
        if (res < 0) {
            if (atEntry instanceof ArgValue.Num n) return ArgValue.MsgHdr.failed(n.value());
            return atEntry instanceof ArgValue.Unreadable ? atEntry : ArgValue.Num.of(ptr);
        }
        long namelenIn = atEntry instanceof ArgValue.Num n ? n.value() : -1;
        return msghdrs.read(tid, ptr, abi == Abi.I386 ? 4 : 8, false, res, namelenIn);
    }

    /**
     * recvmmsg's vector at its exit: the messages the kernel filled when the call succeeded (their
     * names read up to the msg_namelen each had at the entry, {@code atEntry}'s Words); the
     * pointer when it failed, as strace shows it then.
     */
    private ArgValue mmsghdrOut(int tid, Abi abi, long[] raw, int i, long res, ArgValue atEntry) {
        long ptr = abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i];
        if (ptr == 0) return ArgValue.Null.INSTANCE;
        if (res < 0) return ArgValue.Num.of(ptr);
        long[] namelensIn = atEntry instanceof ArgValue.Words w ? w.words() : null;
        return mmsghdrs.received(tid, ptr, res, namelensIn, abi == Abi.I386 ? 4 : 8);
    }

    /**
     * An address the kernel wrote (accept, getsockname, recvfrom): at most the smaller of the
     * caller's buffer size ({@code atEntry}, from {@link #callerLength}) and the length the kernel
     * returned, which is the address's full length even when the buffer was smaller.
     */
    private ArgValue sockaddrOut(int tid, Abi abi, long[] raw, int i, long res, ArgValue atEntry, long[] len) {
        long ptr = abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i];
        if (ptr == 0) return ArgValue.Null.INSTANCE;
        if (res < 0) return ArgValue.Num.of(ptr);
        long lenPtr = lengthPointer(abi, raw, i);
        if (lenPtr == 0) return ArgValue.Num.of(ptr);
        if (len == null || len.length == 0) return new ArgValue.Unreadable(lenPtr, mem.readErrno(tid, lenPtr));
        long written = len[0];
        if (atEntry instanceof ArgValue.Num given) written = Math.min(written, given.value());
        return sockaddr(tid, ptr, (int) Math.min(written, SOCKADDR_MAX));
    }

    /**
     * Re-resolves the path of a call that returned a new fd from that fd: what the kernel actually
     * opened, which closes the gap where another thread rewrote the path between our read and the
     * kernel's. Reads only /proc, so it may run after the thread resumed as long as nothing can
     * have made fd {@code res} name another file meanwhile (see Tracer#fdPathAfterResume).
     */
    void resolveOpenedPath(int tid, Syscall row, long[] raw, ArgValue[] out, long res) {
        if (row == null || row.ret() != RetKind.FD) {
            return;
        }
        List<Arg> args = row.args();
        int i = firstPath(args);
        if (i < 0 || i >= out.length || !(out[i] instanceof ArgValue.Path p)) {
            return;
        }
        byte[] opened = res >= 0 ? mem.readlinkProc(tid, TraceeMemory.LINK_FD, (int) res) : null;
        if (opened != null) {
            out[i] = new ArgValue.Path(p.raw(), opened, p.truncated());
        } else if (p.resolved() == null && !p.truncated()) {
            out[i] = new ArgValue.Path(p.raw(), resolve(tid, dirfdBefore(args, raw, i), p.raw()), false);
        }
    }

    /**
     * For a call whose exit stop will not come (the thread died, an exec superseded it): resolves
     * the path {@link #decodeEntry} left for the exit, as well as it still can.
     */
    void resolveWithoutExit(int tid, Syscall row, Abi abi, long[] raw, ArgValue[] out) {
        if (row == null) return;
        for (int k = 0; k < out.length; k++) {
            // Invariant: an event never carries a null argument. The journal cannot store one (it
            // would read back as NULL, so dump would print "NULL" where --print printed "?"), so
            // what the kernel would have written at the exit is shown as its pointer, as it was
            // at the entry: the address, or NULL. The caller's buffer size that decodeEntry keeps
            // in a SOCKADDR_OUT slot is not the address, and without the returned length the
            // length argument is only its pointer too.
            ArgKind kind = row.args().get(k).kind();
            if (!kind.isRegister()) {
                out[k] = ArgValue.Null.INSTANCE; // read at an exit stop only; raw[k] is no argument
            } else if (kind == ArgKind.SOCKADDR_OUT || kind == ArgKind.SOCKLEN_INOUT || kind == ArgKind.MSGHDR_OUT || kind == ArgKind.MMSGHDR_OUT
                    || (kind.phase() == Phase.EXIT && out[k] == null)) {
                out[k] = unwritten(kind, abi, raw, k);
            }
        }
        if (row.ret() != RetKind.FD) return;
        int i = firstPath(row.args());
        if (i >= 0 && i < out.length && out[i] instanceof ArgValue.Path p && p.resolved() == null && !p.truncated()) {
            out[i] = new ArgValue.Path(p.raw(), resolve(tid, dirfdBefore(row.args(), raw, i), p.raw()), false);
        }
    }

    /** The most supplementary groups the kernel takes (NGROUPS_MAX, linux/limits.h). */
    private static final int NGROUPS_MAX = 65536;

    /** The only sigsetsize the kernel accepts on x86_64 and i386 (64 signals). */
    private static final long SIGSET_SIZE = 8;

    /** Offset of st_mode in x86_64's struct stat (after st_dev, st_ino, st_nlink). */
    private static final long STAT_MODE_OFFSET = 24;

    /** Size of each of struct utsname's fields (__NEW_UTS_LEN + 1). */
    private static final int UTS_FIELD = 65;

    /** The bytes of a NUL-terminated field of {@code len} bytes at {@code off} (all of them if no NUL). */
    private static byte[] cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return java.util.Arrays.copyOfRange(b, off, end);
    }

    /** envp arrays longer than this are shown as their address only (the kernel's own limit is higher). */
    private static final int MAX_ENVP = 1 << 16;

    /** sizeof(struct open_how) in its first version (flags, mode, resolve). */
    private static final long OPEN_HOW_SIZE = 24;

    /** AT_EMPTY_PATH (fcntl.h): an empty path names the dirfd itself. */
    private static final long AT_EMPTY_PATH = 0x1000;

    /**
     * The resolved form of an empty path argument: the dirfd's file when the call's flags carry
     * AT_EMPTY_PATH (fstatat, linkat, execveat...); otherwise none, since the kernel then fails
     * with ENOENT and touches nothing (resolving "" to the cwd would let path rules match it).
     */
    private byte[] emptyPath(int tid, Syscall row, long[] raw, int i) {
        int flags = -1;
        for (int k = 0; k < row.args().size(); k++) {
            if (row.args().get(k).kind() == ArgKind.AT_FLAGS) flags = k;
        }
        if (flags < 0 || flags >= raw.length || (raw[flags] & AT_EMPTY_PATH) == 0) return null;
        int dirfd = dirfdBefore(row.args(), raw, i);
        byte[] base = dirfd == Ptrace.AT_FDCWD
                ? mem.readlinkProc(tid, TraceeMemory.LINK_CWD, 0)
                : mem.readlinkProc(tid, TraceeMemory.LINK_FD, dirfd);
        return base == null || base.length == 0 || base[0] != '/' ? null : base;
    }

    /**
     * struct epoll_event in 32-bit words: events, then the u64 data (x86_64 packs it; i386 aligns
     * a u64 to 4 bytes): 12 bytes on both ABIs.
     */
    private static final int EPOLL_EVENT_WORDS = 3;

    /** Index of the row's first argument of this kind, or -1. */
    private static int indexOf(List<Arg> args, ArgKind kind) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).kind() == kind) return i;
        }
        return -1;
    }

    /** Index of the first PATH argument, or -1. */
    private static int firstPath(List<Arg> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).kind() == ArgKind.PATH) return i;
        }
        return -1;
    }

    /** The dirfd a path argument is relative to: the DIRFD argument just before it, else the cwd. */
    private static int dirfdBefore(List<Arg> args, long[] raw, int i) {
        return i > 0 && args.get(i - 1).kind() == ArgKind.DIRFD ? (int) raw[i - 1] : Ptrace.AT_FDCWD;
    }

    private ArgValue decodeOne(int tid, Syscall row, Abi abi, long[] raw, int i, ArgKind kind, long res,
                               boolean resolvePath) {
        long v = raw[i];
        long ptr = abi == Abi.I386 ? v & 0xffffffffL : v;
        int ptrSize = abi == Abi.I386 ? 4 : 8;
        switch (kind) {
            case PATH: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                TraceeMemory.Str s = mem.readString(tid, ptr, stringLimit);
                if (!s.ok()) return new ArgValue.Unreadable(ptr, s.errno());
                byte[] resolved = s.truncated() || !resolvePath ? null
                        : s.bytes().length == 0 ? emptyPath(tid, row, raw, i)
                        : resolve(tid, dirfdBefore(row.args(), raw, i), s.bytes());
                return new ArgValue.Path(s.bytes(), resolved, s.truncated());
            }
            case STRING: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                TraceeMemory.Str s = mem.readString(tid, ptr, stringLimit);
                return s.ok() ? new ArgValue.Bytes(s.bytes(), s.truncated()) : new ArgValue.Unreadable(ptr, s.errno());
            }
            case ENVP: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                int n = mem.countPointers(tid, ptr, ptrSize, MAX_ENVP);
                return n < 0 ? ArgValue.Num.of(ptr) : new ArgValue.Words(new long[] {ptr, n});
            }
            case SIGSET:
            case SIGSET_OUT: {
                // The kernel reads or writes a set only when sigsetsize (the row's last argument)
                // is 8, and writes the old set only when the call succeeds: otherwise the address,
                // as strace shows it. Both ABIs lay the 64 bits out as one little-endian word.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long size = raw[row.args().size() - 1] & 0xffffffffL;
                if (size != SIGSET_SIZE || (kind == ArgKind.SIGSET_OUT && res < 0)) return ArgValue.Num.of(ptr);
                return words(tid, ptr, 1, 8);
            }
            case SIGACTION:
            case SIGACTION_OUT: {
                // x86_64's struct sigaction as the kernel takes it: handler, flags, restorer and
                // the 64-bit mask, four words. Read only when sigsetsize is 8 (the kernel refuses
                // others before touching memory), and the old action only when the call succeeded.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long size = raw[row.args().size() - 1] & 0xffffffffL;
                if (size != SIGSET_SIZE || abi == Abi.I386 || (kind == ArgKind.SIGACTION_OUT && res < 0)) {
                    return ArgValue.Num.of(ptr);
                }
                long[] w = mem.readWords(tid, ptr, 4, 8);
                if (w == null || w.length < 4) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0], w[1], w[2], w[3]});
            }
            case RLIMIT:
            case RLIMIT_OUT: {
                // struct rlimit64: two u64 on both ABIs; the old limit is written only on success.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (kind == ArgKind.RLIMIT_OUT && res < 0) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 2, 8);
                if (w == null || w.length < 2) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0], w[1]});
            }
            case WAIT_STATUS_OUT: {
                // Written only when a child was reaped (a pid > 0); an int on both ABIs.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res <= 0) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 1, 4);
                if (w == null || w.length < 1) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0]});
            }
            case STATX_OUT: {
                // struct statx, the same on both ABIs: stx_mask (u32) and stx_blksize, then
                // stx_attributes (u64) at 8, stx_nlink, stx_uid, stx_gid, stx_mode (u16) at 28,
                // stx_ino at 32 and stx_size at 40: six words. Written only if the call succeeded.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 6, 8);
                if (w == null || w.length < 6) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0] & 0xffffffffL, w[1], (w[3] >>> 32) & 0xffff, w[5]});
            }
            case STAT_OUT: {
                // x86_64's struct stat: st_mode (u32) at 24, then st_uid, st_gid, a pad, st_rdev
                // (u64) at 40 and st_size at 48: four words from 24. The kernel wrote it only if
                // the call succeeded; i386's stat and stat64 are laid out otherwise.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0 || abi == Abi.I386) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr + STAT_MODE_OFFSET, 4, 8);
                if (w == null || w.length < 4) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0] & 0xffffffffL, w[2], w[3]});
            }
            case DATA: {
                // The kernel reads up to the length argument; captured whether or not the call
                // then fails (strace shows a failed write's data too: the caller did pass it).
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long size = i + 1 < raw.length ? (abi == Abi.I386 ? raw[i + 1] & 0xffffffffL : raw[i + 1]) : 0;
                return data(tid, ptr, size);
            }
            case IOVEC:
            case IOVEC_OUT: {
                // The count is the next argument (the kernel refuses more than 1024). A
                // write's data is captured whether or not it then fails, as DATA's; a read's only
                // as far as its result reaches.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long count = i + 1 < raw.length ? (abi == Abi.I386 ? raw[i + 1] & 0xffffffffL : raw[i + 1]) : 0;
                boolean write = kind == ArgKind.IOVEC;
                return iovecs.read(tid, ptr, count, ptrSize, write, write ? -1 : res);
            }
            case MSGHDR: {
                // sendmsg's: read at the entry, its data captured whether or not the call then fails
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                return msghdrs.read(tid, ptr, ptrSize, true, -1, -1);
            }
            case MMSGHDR: {
                // sendmmsg's: read at the entry as sendmsg's (vlen, an unsigned int, follows);
                // the exit adds each msg_len
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                return mmsghdrs.sent(tid, ptr, raw[i + 1] & 0xffffffffL, ptrSize);
            }
            case DATA_OUT:
            case RANDOM_OUT: {
                // Only what the kernel wrote, which the result counts: nothing when it failed.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0) return ArgValue.Num.of(ptr);
                return data(tid, ptr, res);
            }
            case PATH_OUT: {
                // The result is the length written (getcwd's counts the NUL; readlink writes none):
                // nothing to read when the call failed. A path holds no NUL, so the first ends it.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res <= 0) return ArgValue.Num.of(ptr);
                int n = (int) Math.min(res, stringLimit);
                byte[] b = mem.readBytes(tid, ptr, n);
                if (b == null) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                int end = 0;
                while (end < b.length && b[end] != 0) end++;
                return new ArgValue.Bytes(java.util.Arrays.copyOf(b, end), end == n && n < res);
            }
            case GID_LIST_OUT: {
                // The kernel writes the result's count of gids only when the size was non-zero
                // (size 0 asks for the count: strace would show the buffer's old bytes, pdig the
                // address) and the call succeeded; none is strace's [], with nothing to read.
                // i386's getgroups writes 16-bit ids (getgroups32, without a row, the 32-bit
                // ones), so the address there.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0 || (res > 0 && (int) raw[0] == 0) || abi == Abi.I386) return ArgValue.Num.of(ptr);
                if (res == 0) return new ArgValue.Words(new long[] {ptr, 0});
                int n = (int) Math.min(res, ArgKind.GID_LIST_SHOWN);
                long[] w = mem.readWords(tid, ptr, n, 4);
                if (w == null || w.length < n) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return headed(ptr, res, w, n);
            }
            case GID_LIST: {
                // The kernel reads the count's gids only for 0 <= count <= NGROUPS_MAX; i386's
                // setgroups takes 16-bit ids (setgroups32, without a row, the 32-bit ones).
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                int count = (int) raw[i - 1];
                if (count < 0 || count > NGROUPS_MAX || abi == Abi.I386) return ArgValue.Num.of(ptr);
                if (count == 0) return new ArgValue.Words(new long[] {ptr, 0});
                int n = Math.min(count, ArgKind.GID_LIST_SHOWN);
                long[] w = mem.readWords(tid, ptr, n, 4);
                if (w == null || w.length < n) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return headed(ptr, count, w, n);
            }
            case IOCTL_ARG: {
                // An int behind the pointer (four bytes, both ABIs) is read for the requests that
                // take one: one the kernel reads (FIONBIO: what it was given, whatever the result)
                // or writes (FIONREAD: only when the call succeeded). Every other request keeps
                // the raw word, as its HEX kind showed it.
                long word = abi == Abi.I386 ? v & 0xffffffffL : v;
                long request = raw[i - 1] & 0xffffffffL;
                boolean read = FileConsts.IOCTL_INT_READ.contains(request) || (res >= 0 && FileConsts.IOCTL_INT_WRITTEN.contains(request));
                if (!read || ptr == 0) return ArgValue.Num.of(word);
                long[] w = mem.readWords(tid, ptr, 1, 4);
                if (w == null || w.length < 1) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0]});
            }
            case PRCTL_ARG:
                return prctlArgument(tid, raw, i, abi, res);
            case POLLFDS: {
                // Read at the exit whatever the result: fd and events are as the caller gave them
                // (the kernel writes only revents, and on success only), so a failed call still
                // shows its array as strace shows it from the entry. nfds is an unsigned int.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long nfds = raw[i + 1] & 0xffffffffL;
                int n = (int) Math.min(nfds, ArgKind.POLLFDS_SHOWN);
                long[] w = n == 0 ? new long[0] : mem.readWords(tid, ptr, n, 8);
                if (w == null || w.length < n) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return headed(ptr, nfds, w, n);
            }
            case EPOLL_EVENT: {
                // The kernel reads it for every operation but EPOLL_CTL_DEL, before it fails.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                int op = indexOf(row.args(), ArgKind.EPOLL_CTL_OP);
                if (op >= 0 && (raw[op] & 0xffffffffL) == FileConsts.EPOLL_CTL_DEL) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, EPOLL_EVENT_WORDS, 4);
                if (w == null || w.length < EPOLL_EVENT_WORDS) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0], w[1] | w[2] << 32});
            }
            case EPOLL_EVENTS_OUT: {
                // The result's count of events, written only on success (none is strace's []).
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0) return ArgValue.Num.of(ptr);
                int n = (int) Math.min(res, ArgKind.EPOLL_EVENTS_SHOWN);
                long[] w = n == 0 ? new long[0] : mem.readWords(tid, ptr, n * EPOLL_EVENT_WORDS, 4);
                if (w == null || w.length < n * EPOLL_EVENT_WORDS) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                long[] out = new long[2 + 2 * n];
                out[0] = ptr;
                out[1] = res;
                for (int k = 0; k < n; k++) {
                    out[2 + 2 * k] = w[EPOLL_EVENT_WORDS * k];
                    out[3 + 2 * k] = w[EPOLL_EVENT_WORDS * k + 1] | w[EPOLL_EVENT_WORDS * k + 2] << 32;
                }
                return new ArgValue.Words(out);
            }
            case CPU_SET_OUT: {
                // The kernel writes the result's count of bytes, whole longs; i386's may end on a
                // 4-byte boundary, which these 8-byte words cannot hold: the address there.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res <= 0 || abi == Abi.I386) return ArgValue.Num.of(ptr);
                int n = (int) (Math.min(res, ArgKind.CPU_SET_BYTES) / 8);
                long[] w = mem.readWords(tid, ptr, n, 8);
                if (w == null || w.length < n) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return headed(ptr, res, w, n);
            }
            case STACK_T:
            case STACK_T_OUT: {
                // stack_t: void *ss_sp, int ss_flags, size_t ss_size; on x86_64 ss_flags is
                // padded to 8 bytes, so three words of the pointer size on both ABIs. The old
                // stack is written only on success.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (kind == ArgKind.STACK_T_OUT && res < 0) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 3, ptrSize);
                if (w == null || w.length < 3) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0], w[1] & 0xffffffffL, w[2]});
            }
            case ID_OUT: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0 || abi == Abi.I386) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 1, 4);
                if (w == null || w.length < 1) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0]});
            }
            case STATFS_OUT: {
                // x86_64's struct statfs: eleven 8-byte fields (f_fsid's two ints in one), then
                // f_spare. Written only on success; i386's fields are 4 bytes, so the address there.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0 || abi == Abi.I386) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 11, 8);
                if (w == null || w.length < 11) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(addressed(ptr, w));
            }
            case SYSINFO_OUT: {
                // x86_64's struct sysinfo, 14 words: uptime, loads[3], six RAM/swap counts, procs
                // (u16, then padding), totalhigh, freehigh, mem_unit (u32, then padding). Written
                // only on success; i386's longs are 4 bytes, so it keeps the address there.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0 || abi == Abi.I386) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 14, 8);
                if (w == null || w.length < 14) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                long[] out = addressed(ptr, w);
                out[11] = w[10] & 0xffff;        // procs
                out[14] = w[13] & 0xffffffffL;   // mem_unit
                return new ArgValue.Words(out);
            }
            case UTSNAME_OUT: {
                // struct utsname: six char[65] on both ABIs; strace's abbreviated form shows the
                // first two. The kernel fills it only when the call succeeds.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0) return ArgValue.Num.of(ptr);
                byte[] b = mem.readBytes(tid, ptr, 2 * UTS_FIELD);
                if (b == null) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.StrList(java.util.List.of(cString(b, 0, UTS_FIELD), cString(b, UTS_FIELD, UTS_FIELD)), false);
            }
            case DIRENTS_OUT: {
                // linux_dirent64 (the same on both ABIs): u64 d_ino, s64 d_off, u16 d_reclen at 16,
                // then the type and name. The kernel wrote exactly `res` bytes of whole records,
                // walked in the reader's scratch buffer (no copy); a result larger than the scratch
                // (64 KiB at least; glibc's readdir asks for 32 KiB) keeps the address.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0 || res > mem.scratchSize()) return ArgValue.Num.of(ptr);
                if (res == 0) return new ArgValue.Words(new long[] {ptr, 0});
                int n = mem.readToScratch(tid, ptr, (int) res);
                if (n < 0) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                long entries = 0;
                int off = 0;
                while (off < n) {
                    int reclen = off + 18 <= n ? mem.scratchU16(off + 16) : 0;
                    if (reclen < 19 || off + reclen > n) return ArgValue.Num.of(ptr); // not whole records: no count
                    entries++;
                    off += reclen;
                }
                return new ArgValue.Words(new long[] {ptr, entries});
            }
            case SOCKOPT_VAL: {
                // Only an int-sized option is read (strace's rule): other lengths are structs or
                // buffers whose layout depends on the option, shown as their address.
                long optlen = i + 1 < raw.length ? raw[i + 1] & 0xffffffffL : 0;
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (optlen != 4) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 1, 4);
                if (w == null || w.length == 0) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0]});
            }
            case ARGV: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                TraceeMemory.StrArray a = mem.readStringArray(tid, ptr, ptrSize, stringLimit);
                return a.items() != null
                        ? new ArgValue.StrList(a.items(), a.truncated(), a.cutItems(), a.unreadableItems(), a.unreadableAddresses())
                        : new ArgValue.Unreadable(ptr, a.errno());
            }
            case SOCKADDR: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                int len = (int) Math.min(Math.max(i + 1 < raw.length ? raw[i + 1] & 0xffffffffL : 0, 0), SOCKADDR_MAX);
                return sockaddr(tid, ptr, len);
            }
            case FD_PAIR_OUT: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0) return ArgValue.Num.of(ptr);
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
            case OPEN_HOW: {
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                // Below the first version's 24 bytes the kernel reads nothing (EINVAL): the address,
                // as strace shows it, rather than bytes the call never looked at.
                long size = i + 1 < raw.length ? raw[i + 1] : OPEN_HOW_SIZE;
                if (size < OPEN_HOW_SIZE) return ArgValue.Num.of(ptr);
                return words(tid, ptr, 3, 8);
            }
            case LOFF_PTR: {
                // A loff_t (eight bytes on both ABIs) the kernel reads at the start of the call.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long[] w = mem.readWords(tid, ptr, 1, 8);
                if (w == null || w.length < 1) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0]});
            }
            case TIMESPEC:
            case TIMESPEC_INOUT:
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                return timespec(tid, ptr, ptrSize);
            case FUTEX_VAL2: {
                // A timeout the operation reads at its start (the waits), else val2 (a count).
                int op = indexOf(row.args(), ArgKind.FUTEX_OP);
                if (ptr == 0 || op < 0 || !FutexText.readsTimeout(raw[op])) return ArgValue.Num.of(abi == Abi.I386 ? v & 0xffffffffL : v);
                return timespec(tid, ptr, ptrSize);
            }
            case TIMESPEC_REM: {
                // The kernel writes the time left only when a signal cut the sleep short (the
                // exit stop then sees a restart errno) and the sleep was relative (flags 0).
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                int flags = indexOf(row.args(), ArgKind.TIMER_FLAGS);
                if (res >= 0 || !io.pdig.model.consts.Errno.isRestart((int) -res) || (flags >= 0 && (raw[flags] & 0xffffffffL) != 0)) {
                    return ArgValue.Num.of(ptr);
                }
                return timespec(tid, ptr, ptrSize);
            }
            case SIGEVENT: {
                // x86_64's struct sigevent: sigev_value (8 bytes), sigev_signo and sigev_notify
                // (4 each), then the union: the thread id (an int) or the function and its
                // attributes. i386 lays it out in 4-byte fields: the address there.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (abi == Abi.I386) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 4, 8);
                if (w == null || w.length < 4) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0], w[1] & 0xffffffffL, w[1] >>> 32, w[2], w[3]});
            }
            case TIMESPEC_PAIR:
            case ITIMERSPEC:
            case ITIMERSPEC_OUT: {
                // Two struct timespec, four C longs (utimensat's times; an itimerspec's interval
                // and value); the kernel writes the old itimerspec only on success.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (kind == ArgKind.ITIMERSPEC_OUT && res < 0) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 4, ptrSize);
                if (w == null || w.length < 4) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                if (ptrSize == 4) for (int k = 0; k < 4; k++) w[k] = (int) w[k];
                return new ArgValue.Words(addressed(ptr, w));
            }
            case MPOL_MODE_OUT: {
                // get_mempolicy's mode, an int written on success
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (res < 0) return ArgValue.Num.of(ptr);
                long[] w = mem.readWords(tid, ptr, 1, 4);
                if (w == null || w.length < 1) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0]});
            }
            case NODEMASK:
            case NODEMASK_OUT: {
                // The kernel takes maxnode - 1 bits (the next argument), in longs; the mask it
                // writes only on success. i386's longs are 4 bytes: the address there.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long longs = nodemaskLongs(raw[i + 1]);
                if (longs == 0 || abi == Abi.I386 || (kind == ArgKind.NODEMASK_OUT && res < 0)) return ArgValue.Num.of(ptr);
                int n = (int) Math.min(longs, ArgKind.NODEMASK_SHOWN);
                long[] w = mem.readWords(tid, ptr, n, 8);
                if (w == null || w.length < n) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return headed(ptr, longs, w, n);
            }
            case CAP_HEADER: {
                // version and pid, two u32 on both ABIs; the pid is a C int
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                long[] w = mem.readWords(tid, ptr, 2, 4);
                if (w == null || w.length < 2) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0], (int) w[1]});
            }
            case CAP_DATA:
            case CAP_DATA_OUT: {
                // One struct __user_cap_data_struct (three u32) per 32 capabilities the header's
                // version passes, read from the header again (4 bytes: these calls are rare). The
                // kernel reads none for an unknown version, and capget writes only on success.
                if (ptr == 0) return ArgValue.Null.INSTANCE;
                if (kind == ArgKind.CAP_DATA_OUT && res < 0) return ArgValue.Num.of(ptr);
                int header = indexOf(row.args(), ArgKind.CAP_HEADER);
                long hdr = header < 0 ? 0 : abi == Abi.I386 ? raw[header] & 0xffffffffL : raw[header];
                long[] version = hdr == 0 ? null : mem.readWords(tid, hdr, 1, 4);
                int structs = version == null || version.length < 1 ? 0 : Capabilities.dataStructs(version[0]);
                if (structs == 0) return ArgValue.Num.of(ptr);
                return words(tid, ptr, 3 * structs, 4);
            }
            case FD:
            case DIRFD:
            case PID:
            case SIGNAL:
                return ArgValue.Num.of((int) v); // C int in the kernel: sign-extend the low 32 bits
            case UID:
            case GID:
                return ArgValue.Num.of(v & 0xffffffffL);
            case INT:
                return ArgValue.Num.of(abi == Abi.I386 ? (long) (int) v : v);
            default:
                return ArgValue.Num.of(abi == Abi.I386 ? v & 0xffffffffL : v);
        }
    }

    /**
     * prctl's argument {@code i} at the exit stop, read as its option reads or writes it
     * ({@link PrctlText#read}): a task name (15 bytes and the NUL), an int or a pointer the kernel
     * wrote (on success only), a struct sock_fprog (an unsigned short and a pointer, each in a
     * word of the ABI's pointer size), a string. Any other argument is its raw word.
     */
    private ArgValue prctlArgument(int tid, long[] raw, int i, Abi abi, long res) {
        int ptrSize = abi == Abi.I386 ? 4 : 8;
        long ptr = abi == Abi.I386 ? raw[i] & 0xffffffffL : raw[i];
        PrctlText.Read read = PrctlText.read(raw[0], i, raw[1]);
        boolean written = read == PrctlText.Read.COMM_OUT || read == PrctlText.Read.INT_OUT || read == PrctlText.Read.ADDR_OUT;
        if (read == PrctlText.Read.NONE || (written && res < 0)) return ArgValue.Num.of(ptr);
        if (ptr == 0) return ArgValue.Null.INSTANCE;
        switch (read) {
            case COMM, COMM_OUT: {
                TraceeMemory.Str s = mem.readString(tid, ptr, PrctlText.COMM_LEN - 1);
                return s.ok() ? new ArgValue.Bytes(s.bytes(), s.truncated()) : new ArgValue.Unreadable(ptr, s.errno());
            }
            case STRING: {
                TraceeMemory.Str s = mem.readString(tid, ptr, stringLimit);
                return s.ok() ? new ArgValue.Bytes(s.bytes(), s.truncated()) : new ArgValue.Unreadable(ptr, s.errno());
            }
            case FPROG: {
                long[] w = mem.readWords(tid, ptr, 2, ptrSize);
                if (w == null || w.length < 2) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0] & 0xffff, w[1]});
            }
            default: {
                long[] w = mem.readWords(tid, ptr, 1, read == PrctlText.Read.ADDR_OUT ? ptrSize : 4);
                if (w == null || w.length < 1) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
                return new ArgValue.Words(new long[] {ptr, w[0]});
            }
        }
    }

    /**
     * A struct timespec: two longs, eight bytes each on x86_64, four on i386 (the old 32-bit
     * timespec the i386 calls take), read as signed C longs: Words {address, tv_sec, tv_nsec}.
     */
    private ArgValue timespec(int tid, long ptr, int ptrSize) {
        long[] w = mem.readWords(tid, ptr, 2, ptrSize);
        if (w == null || w.length < 2) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
        return ptrSize == 4 ? new ArgValue.Words(new long[] {ptr, (int) w[0], (int) w[1]})
                : new ArgValue.Words(new long[] {ptr, w[0], w[1]});
    }

    /**
     * A TIMESPEC_INOUT at the exit: the request read at the entry ({@code atEntry}, Words
     * {address, tv_sec, tv_nsec}) and, after a positive result, the time left the kernel wrote
     * back there. A call that failed or timed out, or a request that was not read, keeps its
     * entry value (strace shows no time left for those).
     */
    private ArgValue timeLeft(int tid, Abi abi, ArgValue atEntry, long res) {
        if (res <= 0 || !(atEntry instanceof ArgValue.Words given) || given.words().length != 3) return atEntry;
        ArgValue left = timespec(tid, given.words()[0], abi == Abi.I386 ? 4 : 8);
        if (!(left instanceof ArgValue.Words l)) return atEntry;
        long[] w = given.words();
        return new ArgValue.Words(new long[] {w[0], w[1], w[2], l.words()[1], l.words()[2]});
    }

    /** The longs of a node mask of {@code maxnode} (an unsigned long): the kernel reads maxnode - 1 bits. */
    private static long nodemaskLongs(long maxnode) {
        return maxnode == 0 ? 0 : Long.divideUnsigned(maxnode - 1 + 63, 64);
    }

    /** {address, the words read}: the shape of the kinds that copy a struct field by field (statfs, sysinfo). */
    private static long[] addressed(long address, long[] w) {
        long[] out = new long[w.length + 1];
        out[0] = address;
        System.arraycopy(w, 0, out, 1, w.length);
        return out;
    }

    /** Words {address, count, the first n words read}: the shape of the exit kinds that list what the kernel wrote. */
    private static ArgValue.Words headed(long address, long count, long[] w, int n) {
        long[] out = new long[n + 2];
        out[0] = address;
        out[1] = count;
        System.arraycopy(w, 0, out, 2, n);
        return new ArgValue.Words(out);
    }

    private ArgValue sockaddr(int tid, long ptr, int len) {
        if (len <= 0) return new ArgValue.SockAddr(new byte[0]);
        byte[] b = mem.readBytes(tid, ptr, len);
        return b != null ? new ArgValue.SockAddr(b) : new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
    }

    /**
     * The first {@code min(length, snapLen)} bytes of a data buffer, {@code truncated} when the
     * call's length is larger. A buffer that cannot be read whole is Unreadable: a readable start
     * with a hole after it would be shown as if it were all the data. One array of the captured
     * length is the only allocation (the event keeps it); the read goes through the reader's
     * preallocated scratch buffer.
     */
    private ArgValue data(int tid, long ptr, long length) {
        // length is a size_t (or a non-negative result): compared unsigned, a huge one is only "more"
        int n = Long.compareUnsigned(length, snapLen) > 0 ? snapLen : (int) length;
        if (n == 0) return new ArgValue.Bytes(EMPTY, length != 0);
        byte[] b = mem.readBytes(tid, ptr, n);
        if (b == null || b.length < n) return new ArgValue.Unreadable(ptr, b == null ? mem.readErrno(tid, ptr) : Errno.EFAULT);
        return new ArgValue.Bytes(b, Long.compareUnsigned(length, n) > 0);
    }

    private static final byte[] EMPTY = new byte[0];

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
            return null; // names no file (ENOENT), unless AT_EMPTY_PATH: see emptyPath
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
