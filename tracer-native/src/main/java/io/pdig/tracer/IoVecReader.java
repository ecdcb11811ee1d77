package io.pdig.tracer;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.ArgKind;

/**
 * Reads an iovec array and its segments' data (ArgKind IOVEC, IOVEC_OUT) into an ArgValue.IoVec.
 * Cost per call: one memory read for the array (at most {@link ArgKind#IOV_SEGMENTS} entries)
 * plus one per segment that has bytes to capture; the only allocations are the event's own
 * arrays (bases, lengths, captured, and the data at its captured size), the array's words going
 * through a buffer kept here. Confined to the tracer thread, as its decoder is.
 */
final class IoVecReader {

    private static final byte[] NO_BYTES = new byte[0];

    private final TraceeMemory mem;
    private final int snapLen;
    /** The array's words as read: base, length, base, length... */
    private final long[] words = new long[2 * ArgKind.IOV_SEGMENTS];

    IoVecReader(TraceeMemory mem, int snapLen) {
        this.mem = mem;
        this.snapLen = snapLen;
    }

    /**
     * The array at {@code ptr} of {@code count} segments (the call's argument, unsigned).
     * {@code result}: for a read, its result (the bytes the kernel wrote, filling the segments in
     * order; negative: it failed and wrote nothing, so no bytes are read); for a write, -1 with
     * {@code write} set (each segment's whole length was passed). The array unreadable: Unreadable.
     */
    ArgValue read(int tid, long ptr, long count, int wordSize, boolean write, long result) {
        int n = Long.compareUnsigned(count, ArgKind.IOV_SEGMENTS) > 0 ? ArgKind.IOV_SEGMENTS : (int) count;
        if (n == 0) return new ArgValue.IoVec(count, new long[0], new long[0], new int[0], NO_BYTES, 0);
        int got = mem.readWordsInto(tid, ptr, words, 2 * n, wordSize);
        if (got < 2 * n) return new ArgValue.Unreadable(ptr, got > 0 ? Errno.EFAULT : mem.readErrno(tid, ptr));
        long[] bases = new long[n];
        long[] lengths = new long[n];
        int[] captured = new int[n];
        // Bytes moved through the segments in order (unsigned, saturating for a write's sum), and
        // how many of them fall in the snap length: segment i moves min(length, left) and is
        // captured up to what remains of the snap length.
        long moved = write ? 0 : Math.max(result, 0);
        long left = moved;
        int total = 0;
        for (int i = 0; i < n; i++) {
            bases[i] = words[2 * i];
            lengths[i] = words[2 * i + 1];
            long through = write ? lengths[i] : Long.compareUnsigned(lengths[i], left) < 0 ? lengths[i] : left;
            if (write) {
                moved = Long.compareUnsigned(moved + through, moved) < 0 ? -1L : moved + through;
            } else {
                left -= through;
            }
            int room = snapLen - total;
            captured[i] = !write && result < 0 ? -1 : Long.compareUnsigned(through, room) < 0 ? (int) through : room;
            if (captured[i] > 0) total += captured[i];
        }
        if (total == 0) return new ArgValue.IoVec(count, bases, lengths, captured, NO_BYTES, moved);
        byte[] data = new byte[total];
        int off = 0;
        for (int i = 0; i < n; i++) {
            if (captured[i] <= 0) continue;
            if (mem.readInto(tid, bases[i], data, off, captured[i])) {
                off += captured[i];
            } else {
                captured[i] = -1; // unreadable: its base is shown, no byte invented
            }
        }
        if (off < total) data = java.util.Arrays.copyOf(data, off); // only when a segment was unreadable
        return new ArgValue.IoVec(count, bases, lengths, captured, data, moved);
    }
}
