package io.pdig.tracer;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.ArgKind;

/**
 * Reads a vector of struct mmsghdr (ArgKind MMSGHDR, MMSGHDR_OUT) into an ArgValue.MMsgHdrs: the
 * first {@link ArgKind#MMSG_SHOWN} messages in one memory read (into a reused buffer), then each
 * message's msghdr through {@link MsgHdrReader} (its name, iovec array and segments, control
 * messages, the snap length per message). A struct mmsghdr is a msghdr (seven words) and msg_len
 * (an unsigned int, padded to a word on x86_64): eight words of the ABI's pointer size on x86_64
 * (64 bytes) and i386 (32 bytes) alike. Confined to the tracer thread, as its decoder is.
 */
final class MMsgHdrReader {

    /** Words of one struct mmsghdr. */
    private static final int WORDS = MsgHdrReader.FIELDS + 1;
    /** Index of msg_len among them. */
    private static final int MSG_LEN = MsgHdrReader.FIELDS;
    /** Index of msg_namelen (the msghdr's second field). */
    private static final int NAMELEN = 1;

    private final TraceeMemory mem;
    private final MsgHdrReader msghdrs;
    /** The vector's words as last read: WORDS per message. */
    private final long[] words = new long[WORDS * ArgKind.MMSG_SHOWN];

    MMsgHdrReader(TraceeMemory mem, MsgHdrReader msghdrs) {
        this.mem = mem;
        this.msghdrs = msghdrs;
    }

    /**
     * sendmmsg's vector at its entry, {@code vlen} messages passed: each shown one as sendmsg's
     * msghdr is read (every segment's whole length), no msg_len yet. Unreadable when not even the
     * first message can be read.
     */
    ArgValue sent(int tid, long ptr, long vlen, int wordSize) {
        int n = shown(vlen);
        int got = n == 0 ? 0 : readVector(tid, ptr, n, wordSize);
        if (n > 0 && got == 0) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
        ArgValue.MsgHdr[] msgs = new ArgValue.MsgHdr[got];
        long[] lens = new long[got];
        for (int k = 0; k < got; k++) {
            msgs[k] = msghdrs.decode(tid, words, WORDS * k, wordSize, true, -1, -1);
            lens[k] = -1;
        }
        return new ArgValue.MMsgHdrs(vlen, msgs, lens, cutAt(ptr, got, n, wordSize));
    }

    /**
     * sendmmsg's vector at the exit of a call that sent {@code result} messages: {@code atEntry}
     * with the msg_len the kernel wrote into each one sent that it holds (one read of the vector);
     * {@code atEntry} itself when none could be read.
     */
    ArgValue.MMsgHdrs withLengths(int tid, long ptr, long result, ArgValue.MMsgHdrs atEntry, int wordSize) {
        int n = (int) Math.min(result, atEntry.msgs().length);
        int got = n <= 0 ? 0 : readVector(tid, ptr, n, wordSize);
        if (got == 0) return atEntry;
        long[] lens = atEntry.lens().clone();
        for (int k = 0; k < got; k++) lens[k] = words[WORDS * k + MSG_LEN] & 0xffffffffL;
        return new ArgValue.MMsgHdrs(atEntry.count(), atEntry.msgs(), lens, atEntry.cutAt());
    }

    /**
     * recvmmsg's msg_namelen of each shown message at the entry, as Words: the size of each name
     * buffer, which bounds the address the kernel writes there. Unreadable when the vector cannot
     * be read.
     */
    ArgValue namelensAtEntry(int tid, long ptr, long vlen, int wordSize) {
        int n = shown(vlen);
        int got = n == 0 ? 0 : readVector(tid, ptr, n, wordSize);
        if (n > 0 && got == 0) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
        long[] namelens = new long[got];
        for (int k = 0; k < got; k++) namelens[k] = words[WORDS * k + NAMELEN] & 0xffffffffL;
        return new ArgValue.Words(namelens);
    }

    /**
     * recvmmsg's vector at the exit of a call that received {@code result} messages, as the
     * kernel filled them: each message's msg_len split over its segments as recvmsg's result is,
     * its address read up to its entry msg_namelen ({@code namelensIn[k]}; null or shorter when
     * unknown).
     */
    ArgValue received(int tid, long ptr, long result, long[] namelensIn, int wordSize) {
        int n = shown(result);
        int got = n == 0 ? 0 : readVector(tid, ptr, n, wordSize);
        if (n > 0 && got == 0) return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
        ArgValue.MsgHdr[] msgs = new ArgValue.MsgHdr[got];
        long[] lens = new long[got];
        for (int k = 0; k < got; k++) {
            lens[k] = words[WORDS * k + MSG_LEN] & 0xffffffffL;
            long namelenIn = namelensIn != null && k < namelensIn.length ? namelensIn[k] : -1;
            msgs[k] = msghdrs.decode(tid, words, WORDS * k, wordSize, false, lens[k], namelenIn);
        }
        return new ArgValue.MMsgHdrs(result, msgs, lens, cutAt(ptr, got, n, wordSize));
    }

    /** Messages shown of a vector of {@code count} (an unsigned int): at most MMSG_SHOWN. */
    private static int shown(long count) {
        return (int) Math.min(count & 0xffffffffL, ArgKind.MMSG_SHOWN);
    }

    /** Reads the first {@code n} messages into {@link #words}; how many were read whole. */
    private int readVector(int tid, long ptr, int n, int wordSize) {
        return mem.readWordsInto(tid, ptr, words, WORDS * n, wordSize) / WORDS;
    }

    /** The address of message {@code got} when the read stopped before the {@code n} wanted, else 0. */
    private static long cutAt(long ptr, int got, int n, int wordSize) {
        return got < n ? ptr + (long) got * WORDS * wordSize : 0;
    }
}
