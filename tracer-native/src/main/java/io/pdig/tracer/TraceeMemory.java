package io.pdig.tracer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Reads tracee memory into one preallocated native scratch buffer (no per-read native allocation)
 * and copies the result into Java arrays. Confined to the tracer thread (the PEEKDATA fallback
 * needs it).
 */
final class TraceeMemory {

    /** Result of a string read: bytes, or an errno when nothing could be read. */
    record Str(byte[] bytes, boolean truncated, int errno) {
        boolean ok() {
            return bytes != null;
        }
    }

    /**
     * Result of a string array read: {@code truncated} when items follow that were not read,
     * {@code cutItems} the indices of items cut at the string limit, {@code unreadableItems} the
     * indices of items whose pointer could not be read as a string (their bytes empty), with the
     * pointers in {@code unreadableAddresses}.
     */
    record StrArray(List<byte[]> items, boolean truncated, int[] cutItems, int[] unreadableItems,
                    long[] unreadableAddresses, int errno) {
    }

    static final int MAX_ARGV_ITEMS = 1024;
    static final int MAX_ARGV_BYTES = 128 * 1024;

    private final NativeLibrary.Lib lib;
    private final Pointer scratch;
    private final long scratchAddr;
    private final int scratchSize;

    TraceeMemory(NativeLibrary.Lib lib, int maxString) {
        this.lib = lib;
        this.scratchSize = Math.max(maxString + 16, 64 * 1024);
        this.scratch = Memory.allocateDirect(NativeLibrary.runtime(), scratchSize, false);
        this.scratchAddr = scratch.address();
    }

    /**
     * Reads a NUL-terminated string of at most {@code limit} bytes. One byte more is read so that
     * a string of exactly {@code limit} bytes, whose NUL comes right after, is not marked truncated
     * (strace's -s has the same meaning). A string that runs into unreadable memory before its NUL
     * and before the limit is unreadable (EFAULT), as the kernel finds it: its readable start is
     * not a string the tracee passed.
     */
    Str readString(int tid, long addr, int limit) {
        int max = Math.min(limit, scratchSize - 1);
        long r = lib.pdig_read_str(tid, addr, scratchAddr, max + 1L);
        if (r < 0) {
            return new Str(null, false, (int) -r);
        }
        long got = r & 0xffffffffL;
        boolean nul = (r & (1L << 32)) != 0;
        if (!nul && got < max + 1L) {
            return new Str(null, false, Errno.EFAULT);
        }
        int len = (int) Math.min(got, max);
        byte[] b = new byte[len];
        scratch.get(0, b, 0, len);
        return new Str(b, !nul, 0);
    }

    /**
     * Reads up to {@code len} bytes (at most {@link #scratchSize()}) into the scratch buffer and
     * returns how many were read, -1 when unreadable; {@link #scratchU16} then looks at them without
     * a copy. Valid until the next read: the scratch is the tracer thread's, reused by every read.
     */
    int readToScratch(int tid, long addr, int len) {
        long r = lib.pdig_read_mem(tid, addr, scratchAddr, Math.min(len, scratchSize));
        return r < 0 ? -1 : (int) r;
    }

    /** The little-endian u16 at {@code offset} of the last {@link #readToScratch}. */
    int scratchU16(int offset) {
        return scratch.getShort(offset) & 0xffff;
    }

    int scratchSize() {
        return scratchSize;
    }

    /** Reads exactly up to {@code len} bytes; returns null and sets nothing when unreadable. */
    byte[] readBytes(int tid, long addr, int len) {
        int n0 = Math.min(len, scratchSize);
        long r = lib.pdig_read_mem(tid, addr, scratchAddr, n0);
        if (r < 0) {
            return null;
        }
        byte[] b = new byte[(int) r];
        scratch.get(0, b, 0, (int) r);
        return b;
    }

    /**
     * Reads {@code len} bytes into {@code dst} at {@code off}, with no allocation (through the
     * scratch buffer); false, leaving {@code dst} as it was, when fewer could be read.
     */
    boolean readInto(int tid, long addr, byte[] dst, int off, int len) {
        if (len == 0) return true;
        if (len > scratchSize) return false;
        long r = lib.pdig_read_mem(tid, addr, scratchAddr, len);
        if (r != len) return false;
        scratch.get(0, dst, off, len);
        return true;
    }

    /**
     * Reads {@code count} little-endian words of {@code wordSize} (4 or 8) bytes into {@code dst},
     * with no allocation; the number of whole words read (0 when unreadable).
     */
    int readWordsInto(int tid, long addr, long[] dst, int count, int wordSize) {
        int len = Math.min(count * wordSize, scratchSize);
        long r = lib.pdig_read_mem(tid, addr, scratchAddr, len);
        if (r <= 0) return 0;
        int n = (int) r / wordSize;
        for (int i = 0; i < n; i++) {
            dst[i] = wordSize == 8 ? scratch.getLong(i * 8L) : scratch.getInt(i * 4L) & 0xffffffffL;
        }
        return n;
    }

    /** errno of the last failed read at addr (re-reads one byte; used only on the error path). */
    int readErrno(int tid, long addr) {
        long r = lib.pdig_read_mem(tid, addr, scratchAddr, 1);
        return r < 0 ? (int) -r : Errno.EFAULT;
    }

    /** Reads little-endian words of {@code wordSize} (4 or 8) bytes; null when unreadable. */
    long[] readWords(int tid, long addr, int count, int wordSize) {
        byte[] b = readBytes(tid, addr, count * wordSize);
        if (b == null) {
            return null;
        }
        int n = b.length / wordSize;
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            long v = 0;
            for (int k = wordSize - 1; k >= 0; k--) {
                v = (v << 8) | (b[i * wordSize + k] & 0xff);
            }
            w[i] = v;
        }
        return w;
    }

    /**
     * Reads a NULL-terminated array of string pointers (argv), bounded in items and bytes. An item
     * whose string cannot be read is kept as its pointer and the reading goes on, as strace does
     * ({@code ["a", 0x1, "b"]}).
     */
    StrArray readStringArray(int tid, long addr, int ptrSize, int stringLimit) {
        List<byte[]> items = new ArrayList<>();
        List<Integer> cut = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        List<Long> unreadableAt = new ArrayList<>();
        boolean truncated = false;
        int total = 0;
        long cursor = addr;
        outer:
        while (true) {
            long[] ptrs = readWords(tid, cursor, 16, ptrSize);
            if (ptrs == null || ptrs.length == 0) {
                if (items.isEmpty()) {
                    return new StrArray(null, false, null, null, null, readErrno(tid, cursor));
                }
                truncated = true;
                break;
            }
            for (long p : ptrs) {
                if (p == 0) {
                    break outer;
                }
                if (items.size() >= MAX_ARGV_ITEMS || total >= MAX_ARGV_BYTES) {
                    truncated = true;
                    break outer;
                }
                Str s = readString(tid, p, Math.min(stringLimit, MAX_ARGV_BYTES - total));
                if (!s.ok()) {
                    unreadable.add(items.size());
                    unreadableAt.add(p);
                    items.add(new byte[0]);
                    continue;
                }
                // Cut at the string limit or at what is left of the byte budget (then the next
                // round finds the budget spent and marks the list truncated if items follow).
                if (s.truncated()) cut.add(items.size());
                items.add(s.bytes());
                total += s.bytes().length;
            }
            cursor += (long) ptrs.length * ptrSize;
            if (ptrs.length < 16) {
                truncated = true;
                break;
            }
        }
        return new StrArray(items, truncated, cut.stream().mapToInt(Integer::intValue).toArray(),
                unreadable.stream().mapToInt(Integer::intValue).toArray(),
                unreadableAt.stream().mapToLong(Long::longValue).toArray(), 0);
    }

    /**
     * The number of pointers before the NULL that ends an array (envp), read 64 at a time; -1 when
     * the array cannot be read to its NULL or holds more than {@code max}.
     */
    int countPointers(int tid, long addr, int ptrSize, int max) {
        int count = 0;
        long cursor = addr;
        while (count <= max) {
            long[] ptrs = readWords(tid, cursor, 64, ptrSize);
            if (ptrs == null || ptrs.length == 0) return -1;
            for (long p : ptrs) {
                if (p == 0) return count;
                count++;
            }
            if (ptrs.length < 64) return -1; // the readable memory ended before the NULL
            cursor += 64L * ptrSize;
        }
        return -1;
    }

    /** readlink of /proc/TID/{cwd,fd/N,exe,root}; null when it fails. */
    byte[] readlinkProc(int tid, int what, int fd) {
        int n = lib.pdig_readlink_proc(tid, what, fd, scratchAddr, Math.min(scratchSize, 8192));
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        scratch.get(0, b, 0, n);
        return n >= 8192 ? Arrays.copyOf(b, 8192) : b;
    }

    /**
     * Reads files of /proc/PID with one native call (pdig_read_proc_files): {@code names} holds
     * NUL-terminated names, a leading '>' marking a symbolic link; {@code limits[i]} bounds file
     * i. Returns one array per file (null where it could not be read), or null when the process
     * is gone. The native buffer is allocated on first use, sized for the largest request.
     */
    byte[][] readProcFiles(int pid, byte[] names, int[] limits) {
        long need = 0;
        for (int l : limits) need += l;
        if (procBuffer == null || procBufferSize < need) {
            procBuffer = Memory.allocateDirect(NativeLibrary.runtime(), (int) need, false);
            procBufferSize = need;
        }
        int[] lens = limits.clone();
        long used = lib.pdig_read_proc_files(pid, names, lens.length, lens, procBuffer.address(), need);
        if (used < 0) return null;
        byte[][] out = new byte[lens.length][];
        long at = 0;
        for (int i = 0; i < lens.length; i++) {
            if (lens[i] < 0) continue;
            out[i] = new byte[lens[i]];
            procBuffer.get(at, out[i], 0, lens[i]);
            at += lens[i];
        }
        return out;
    }

    private Pointer procBuffer;
    private long procBufferSize;

    static final int LINK_CWD = 0;
    static final int LINK_FD = 1;
    static final int LINK_EXE = 2;
}
