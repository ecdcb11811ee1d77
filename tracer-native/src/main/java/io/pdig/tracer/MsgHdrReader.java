package io.pdig.tracer;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.ArgKind;

/**
 * Reads a struct msghdr (ArgKind MSGHDR, MSGHDR_OUT) into an ArgValue.MsgHdr: its seven fields in
 * one memory read (into a reused buffer), then msg_name's address, msg_iov through
 * {@link IoVecReader} (the same snap length), and msg_control's messages. x86_64 and i386 share
 * the field order (name, namelen, iov, iovlen, control, controllen, flags), each field one word of
 * the ABI's pointer size (msg_namelen and msg_flags are ints padded to one on x86_64). Confined to
 * the tracer thread, as its decoder is.
 */
final class MsgHdrReader {

    /** Words of a struct msghdr (a vector's mmsghdr starts with them, MMsgHdrReader). */
    static final int FIELDS = 7;
    /** sizeof(struct sockaddr_storage): a longer msg_name is cut here, as ArgDecoder cuts addresses. */
    private static final int NAME_MAX = 128;

    private final TraceeMemory mem;
    private final IoVecReader iovecs;
    private final long[] words = new long[FIELDS];

    MsgHdrReader(TraceeMemory mem, IoVecReader iovecs) {
        this.mem = mem;
        this.iovecs = iovecs;
    }

    /**
     * recvmsg's msg_namelen at the entry (the size of the caller's name buffer: the kernel writes at
     * most that many bytes of the address, and strace shows it when the kernel changes it), as a
     * Num; Unreadable when the msghdr cannot be read.
     */
    ArgValue namelenAtEntry(int tid, long ptr, int wordSize) {
        long[] w = mem.readWords(tid, ptr + wordSize, 1, 4);
        return w == null || w.length < 1 ? new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr)) : ArgValue.Num.of(w[0]);
    }

    /**
     * The msghdr at {@code ptr}. {@code write}: sendmsg's, read at the entry (every segment's whole
     * length passed); otherwise recvmsg's after it succeeded with {@code result} bytes, whose
     * address the kernel wrote is read up to {@code namelenIn} (the entry's msg_namelen, -1 unknown).
     */
    ArgValue read(int tid, long ptr, int wordSize, boolean write, long result, long namelenIn) {
        if (mem.readWordsInto(tid, ptr, words, FIELDS, wordSize) < FIELDS) {
            return new ArgValue.Unreadable(ptr, mem.readErrno(tid, ptr));
        }
        return decode(tid, words, 0, wordSize, write, result, namelenIn);
    }

    /**
     * The msghdr whose seven fields were read already, at {@code fields[off..off+6]} (an mmsghdr
     * vector's message, MMsgHdrReader): what they point to is read as {@link #read} reads it.
     */
    ArgValue.MsgHdr decode(int tid, long[] fields, int off, int wordSize, boolean write, long result, long namelenIn) {
        long name = fields[off], namelen = fields[off + 1] & 0xffffffffL, iovAddr = fields[off + 2], iovlen = fields[off + 3];
        long control = fields[off + 4], controllen = fields[off + 5], flags = fields[off + 6] & 0xffffffffL;
        byte[] nameBytes = null;
        if (name != 0 && namelen > 0 && (int) namelen > 0) {
            long len = Math.min(namelen, NAME_MAX);
            if (namelenIn >= 0) len = Math.min(len, namelenIn);
            if (len > 0) nameBytes = mem.readBytes(tid, name, (int) len);
        }
        ArgValue.IoVec iov = null;
        if (iovAddr != 0 && iovecs.read(tid, iovAddr, iovlen, wordSize, write, write ? -1 : result) instanceof ArgValue.IoVec v) {
            iov = v;
        }
        long[] cmsgs = control != 0 && controllen != 0 ? cmsgs(tid, control, controllen, wordSize) : null;
        return new ArgValue.MsgHdr(true, name, nameBytes, namelen, write ? -1 : namelenIn, iovAddr, iovlen, iov,
                control, controllen, cmsgs, flags);
    }

    /**
     * The control messages in the first {@link ArgKind#MSG_CONTROL_MAX} bytes of msg_control, flat
     * as ArgValue.MsgHdr keeps them; null when unreadable. struct cmsghdr is cmsg_len (a word),
     * cmsg_level and cmsg_type (ints), then the data; each message starts at the previous one's
     * cmsg_len rounded up to a word. A message whose cmsg_len is below its header ends the walk
     * (the kernel stops there too). Data kept, as strace shows it: SCM_RIGHTS's ints (the fds),
     * SCM_CREDENTIALS's struct ucred (pid, uid, gid: three ints), the two longs of the old
     * timestamps (SO_TIMESTAMP_OLD's timeval, SO_TIMESTAMPNS_OLD's timespec); SOL_IP's
     * IP_PKTINFO (ifindex, spec_dst, addr: three ints, the addresses as their bytes lie), IP_TTL's
     * and IP_CHECKSUM's unsigned ints, and IP_TOS's, IP_RECVOPTS' and IP_RETOPTS' bytes, one per
     * word; a message whose data is shorter than its struct (MSG_CTRUNC) keeps none.
     */
    private static final int SOL_IP = 0, SOL_SOCKET = 1, SCM_RIGHTS = 1, SCM_CREDENTIALS = 2, SO_TIMESTAMP_OLD = 29,
            SO_TIMESTAMPNS_OLD = 35;
    private static final int IP_TOS = 1, IP_TTL = 2, IP_RECVOPTS = 6, IP_RETOPTS = 7, IP_PKTINFO = 8, IP_CHECKSUM = 23;

    /** How many data words of a message of {@code level} and {@code type} with {@code dataLen} bytes are kept. */
    private static int dataWords(int level, int type, int dataLen, int wordSize) {
        if (level == SOL_IP) {
            return switch (type) {
                case IP_PKTINFO -> dataLen >= 12 ? 3 : 0;
                case IP_TTL, IP_CHECKSUM -> Math.max(dataLen, 0) / 4;
                case IP_TOS, IP_RECVOPTS, IP_RETOPTS -> Math.max(dataLen, 0);
                default -> 0;
            };
        }
        if (level != SOL_SOCKET) return 0;
        return switch (type) {
            case SCM_RIGHTS -> Math.max(dataLen, 0) / 4;
            case SCM_CREDENTIALS -> dataLen >= 12 ? 3 : 0;
            case SO_TIMESTAMP_OLD, SO_TIMESTAMPNS_OLD -> dataLen >= 2 * wordSize ? 2 : 0;
            default -> 0;
        };
    }

    /** The size of each kept data item of a message: longs for the old timestamps, bytes for SOL_IP's byte arrays, else C ints. */
    private static int itemSize(int level, int type, int wordSize) {
        if (level == SOL_SOCKET && (type == SO_TIMESTAMP_OLD || type == SO_TIMESTAMPNS_OLD)) return wordSize;
        if (level == SOL_IP && (type == IP_TOS || type == IP_RECVOPTS || type == IP_RETOPTS)) return 1;
        return 4;
    }

    private long[] cmsgs(int tid, long control, long controllen, int wordSize) {
        int size = Long.compareUnsigned(controllen, ArgKind.MSG_CONTROL_MAX) > 0 ? ArgKind.MSG_CONTROL_MAX : (int) controllen;
        byte[] b = mem.readBytes(tid, control, size);
        if (b == null) return null;
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int header = wordSize + 8;
        long[] out = new long[b.length + 8]; // at most one word per data byte, and a header's four per message
        int n = 0;
        for (int off = 0; off + header <= b.length; ) {
            long len = wordSize == 8 ? bb.getLong(off) : bb.getInt(off) & 0xffffffffL;
            if (len < header) break;
            int level = bb.getInt(off + wordSize), type = bb.getInt(off + wordSize + 4);
            int dataLen = (int) Math.min(off + len, b.length) - off - header;
            int words = dataWords(level, type, dataLen, wordSize);
            int item = itemSize(level, type, wordSize);
            if (n + 4 + words > out.length) break;
            out[n++] = len;
            out[n++] = level;
            out[n++] = type;
            out[n++] = words;
            for (int d = 0; d < words; d++) {
                int at = off + header + item * d;
                // C ints and i386's longs signed; SOL_IP's unsigned ints and bytes as the renderer shows them
                out[n++] = item == 8 ? bb.getLong(at) : item == 1 ? bb.get(at) & 0xff : bb.getInt(at);
            }
            long next = off + ((len + wordSize - 1) & -wordSize);
            if (next > b.length) break;
            off = (int) next;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
