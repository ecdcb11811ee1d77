package io.pdig.model.event;

import java.util.List;

/**
 * A decoded syscall argument as stored in the journal: raw kernel values and exact bytes, never
 * rendered names (names are produced on read from the constant tables).
 */
public sealed interface ArgValue {

    /** Any integer-like argument: fds, flags, modes, pids, signals, pointers. */
    record Num(long value) implements ArgValue {
        private static final int CACHE_LOW = -4096;
        private static final Num[] CACHE = new Num[8192];

        static {
            for (int i = 0; i < CACHE.length; i++) {
                CACHE[i] = new Num(CACHE_LOW + i);
            }
        }

        /**
         * A shared instance for small values (fds, flags, modes, -errno), a new one otherwise. Most
         * numeric arguments are small, and decoding a journal makes millions of them: sharing
         * (records are immutable; compare with equals) keeps replay's allocation and GC down.
         */
        public static Num of(long value) {
            long i = value - CACHE_LOW;
            return i >= 0 && i < CACHE.length ? CACHE[(int) i] : new Num(value);
        }
    }

    /**
     * A string read from tracee memory, exactly as its bytes (not necessarily UTF-8).
     *
     * @param bytes     the bytes up to the NUL, or up to the read limit
     * @param truncated true when the limit was hit before a NUL
     */
    record Bytes(byte[] bytes, boolean truncated) implements ArgValue {
    }

    /**
     * A path: the exact bytes the tracee passed and the absolute path the tracer resolved (against
     * the dirfd or cwd, or, for calls returning an fd, what the kernel actually opened). The
     * resolved form is null when it could not be determined.
     */
    record Path(byte[] raw, byte[] resolved, boolean truncated) implements ArgValue {
    }

    /**
     * A NULL-terminated string array (argv). {@code truncated}: the list goes on past its last item
     * (item or byte limits, the array itself unreadable further on); {@code cutItems}: ascending
     * indices of items whose own bytes were cut at the string limit (strace's {@code "..."...});
     * {@code unreadableItems}: ascending indices of items whose pointer could not be read as a
     * string, with the pointer in {@code unreadableAddresses} at the same position (strace prints
     * the address in the item's place). Such an item holds no bytes (an empty array), so a reader
     * that does not look at them sees an empty string, never invented text. Arrays are never null.
     */
    record StrList(List<byte[]> items, boolean truncated, int[] cutItems, int[] unreadableItems,
                   long[] unreadableAddresses) implements ArgValue {

        private static final int[] NONE = new int[0];
        private static final long[] NO_ADDRESSES = new long[0];

        public StrList {
            cutItems = cutItems == null || cutItems.length == 0 ? NONE : cutItems.clone();
            unreadableItems = unreadableItems == null || unreadableItems.length == 0 ? NONE : unreadableItems.clone();
            unreadableAddresses = unreadableAddresses == null || unreadableAddresses.length == 0 ? NO_ADDRESSES
                    : unreadableAddresses.clone();
            if (unreadableItems.length != unreadableAddresses.length) {
                throw new IllegalArgumentException(unreadableItems.length + " unreadable items, "
                        + unreadableAddresses.length + " addresses");
            }
        }

        /** A list whose items were all read, some perhaps cut. */
        public StrList(List<byte[]> items, boolean truncated, int[] cutItems) {
            this(items, truncated, cutItems, NONE, NO_ADDRESSES);
        }

        /** A list none of whose items was cut. */
        public StrList(List<byte[]> items, boolean truncated) {
            this(items, truncated, NONE);
        }

        /** Whether item {@code i}'s bytes were cut at the string limit. */
        public boolean isCut(int i) {
            return java.util.Arrays.binarySearch(cutItems, i) >= 0;
        }

        /** The pointer of item {@code i}, which {@link #isUnreadable} says could not be read. */
        public long unreadableAddress(int i) {
            int k = java.util.Arrays.binarySearch(unreadableItems, i);
            if (k < 0) throw new IllegalArgumentException("item " + i + " was read");
            return unreadableAddresses[k];
        }

        /** Whether item {@code i} could not be read (its bytes are then empty). */
        public boolean isUnreadable(int i) {
            return java.util.Arrays.binarySearch(unreadableItems, i) >= 0;
        }

        @Override
        public int[] cutItems() {
            return cutItems.clone();
        }

        @Override
        public int[] unreadableItems() {
            return unreadableItems.clone();
        }

        @Override
        public long[] unreadableAddresses() {
            return unreadableAddresses.clone();
        }
    }

    /** A socket address exactly as the kernel's struct sockaddr bytes (family first). */
    record SockAddr(byte[] bytes) implements ArgValue {
    }

    /** Two ints the kernel wrote (pipe, socketpair). */
    record FdPair(int first, int second) implements ArgValue {
    }

    /** A small struct read as raw 64-bit words (clone_args, open_how, capability data). */
    record Words(long[] words) implements ArgValue {
    }

    /**
     * An iovec array (readv/writev family) as the call used it: per segment (the first
     * {@code bases.length} of the {@code count} the caller passed) its iov_base and iov_len, and
     * how many of its bytes were captured, all captured bytes concatenated in {@code data} (what
     * Falco's evt.buffer holds for these calls).
     *
     * <p>{@code captured[i]}: bytes of segment i in {@code data}, in order, or -1 when none were
     * read (the memory could not be read, or a read that failed wrote nothing): shown as its base
     * address, never as invented bytes. {@code moved}: bytes the call moved through the segments in
     * order (a read's result; for a write, the sum of the lengths it passed), so segment i moved
     * {@link #moved(int)} and its data is cut when fewer were captured. Arrays are never null; the
     * three per-segment arrays have one length, and the non-negative {@code captured} add up to
     * {@code data.length}.
     */
    record IoVec(long count, long[] bases, long[] lengths, int[] captured, byte[] data, long moved) implements ArgValue {

        public IoVec {
            if (bases.length != lengths.length || bases.length != captured.length) {
                throw new IllegalArgumentException(bases.length + " bases, " + lengths.length + " lengths, "
                        + captured.length + " captured");
            }
            long sum = 0;
            for (int c : captured) sum += Math.max(c, 0);
            if (sum != data.length) throw new IllegalArgumentException("captured " + sum + " bytes, data " + data.length);
        }

        /** Bytes the call moved through segment {@code i}: its length, at most what was left of {@link #moved}. */
        public long moved(int i) {
            long left = moved;
            for (int k = 0; k < i && Long.compareUnsigned(left, 0) > 0; k++) {
                left -= Long.compareUnsigned(lengths[k], left) < 0 ? lengths[k] : left;
            }
            return Long.compareUnsigned(lengths[i], left) < 0 ? lengths[i] : left;
        }

        /** Offset of segment {@code i}'s captured bytes in {@link #data}. */
        public int offset(int i) {
            int off = 0;
            for (int k = 0; k < i; k++) off += Math.max(captured[k], 0);
            return off;
        }
    }

    /**
     * A struct msghdr of sendmsg (as passed, read at the entry) or recvmsg (as the kernel filled
     * it, read at the exit). {@code name}: msg_name's address, {@code nameBytes} the address read
     * there (null when not read: NULL, unreadable, or a length of 0; shown as the pointer).
     * {@code namelen}: msg_namelen (recvmsg: the kernel's), {@code namelenIn} recvmsg's msg_namelen
     * at the entry (-1 when unknown or for sendmsg; strace shows {@code 128 => 16} when they
     * differ). {@code iov}: msg_iov's segments with their data (null when the array could not be
     * read: shown as {@code iovAddr}), {@code iovlen} msg_iovlen. {@code control}, {@code
     * controllen}: msg_control's address and length; {@code cmsgs} the control messages read there,
     * flat: per message cmsg_len, cmsg_level, cmsg_type, n, then n words of data (the fds of
     * SCM_RIGHTS, SCM_CREDENTIALS' pid, uid and gid, the two longs of SO_TIMESTAMP_OLD and
     * SO_TIMESTAMPNS_OLD; n = 0 for other types and for data shorter than its struct), or null
     * when not read. {@code flags}: msg_flags.
     *
     * <p>{@code full} false: a recvmsg that failed, of which strace shows only {@code
     * {msg_namelen=N}} (the entry's msg_namelen, in {@code namelen}); the other fields are then 0
     * or null. Arrays other than those documented nullable are never null.
     */
    record MsgHdr(boolean full, long name, byte[] nameBytes, long namelen, long namelenIn, long iovAddr, long iovlen,
            IoVec iov, long control, long controllen, long[] cmsgs, long flags) implements ArgValue {

        public MsgHdr {
            // the renderers walk cmsgs by its counts: each message's n words must be there
            for (int k = 0; cmsgs != null && k < cmsgs.length; k += 4 + (int) cmsgs[k + 3]) {
                if (k + 4 > cmsgs.length || cmsgs[k + 3] < 0 || k + 4 + cmsgs[k + 3] > cmsgs.length) {
                    throw new IllegalArgumentException("control messages cut at word " + k + " of " + cmsgs.length);
                }
            }
        }

        /** The failed recvmsg's form: only the msg_namelen it passed. */
        public static MsgHdr failed(long namelen) {
            return new MsgHdr(false, 0, null, namelen, -1, 0, 0, null, 0, 0, null, 0);
        }
    }

    /**
     * A vector of struct mmsghdr: sendmmsg's as passed (read at the entry, its msg_len fields at
     * the exit) or recvmmsg's as the kernel filled it (read at the exit). {@code count}: how many
     * messages the vector holds as strace counts them (sendmmsg's vlen, recvmmsg's result);
     * {@code msgs}: the first of them read, in order (at most ArgKind.MMSG_SHOWN), each a full
     * MsgHdr; {@code lens}: each one's msg_len, -1 where the kernel wrote none (sendmmsg's messages
     * past its result, a failed sendmmsg, no exit stop). {@code cutAt}: the address of the first
     * message that could not be read when the vector ran into unreadable memory before the shown
     * ones ended (strace's {@code ... /* 0x... *}{@code /}), 0 otherwise. Arrays are never null
     * and have one length.
     */
    record MMsgHdrs(long count, MsgHdr[] msgs, long[] lens, long cutAt) implements ArgValue {

        public MMsgHdrs {
            if (msgs.length != lens.length) throw new IllegalArgumentException(msgs.length + " messages, " + lens.length + " lengths");
            for (MsgHdr m : msgs) {
                if (m == null || !m.full()) throw new IllegalArgumentException("a message of a vector is a whole msghdr");
            }
        }

        /** True when the vector holds more messages than were read and shown. */
        public boolean more() {
            return Long.compareUnsigned(count, msgs.length) > 0;
        }
    }

    /** The tracee passed a pointer the tracer could not read: address and errno of the failed read. */
    record Unreadable(long address, int errno) implements ArgValue {
    }

    /** A pointer argument that was NULL. */
    record Null() implements ArgValue {
        public static final Null INSTANCE = new Null();
    }
}
