package io.pdig.journal.codec;

import static io.pdig.journal.codec.Codes.*;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Decodes records of {@link JournalSchema}. Stateful like the encoder: records must be decoded in
 * sequence order, starting at a keyframe; after a {@link DecodeException} or a skipped record the
 * context is unknown until the next keyframe (see {@link #contextValid()}). One reader thread only.
 */
public final class RecordDecoder {
    private static final int MAX_ITEMS = 1 << 20;

    private final CodecContext ctx = new CodecContext();
    private final CRC32C crc = new CRC32C();
    private boolean contextValid;

    /** True when the stored checksum matches the record's bytes. */
    public boolean checksumOk(byte[] buf, int off, int len) {
        if (len < 5) return false;
        crc.reset();
        crc.update(buf, off + 4, len - 4);
        int stored = (buf[off] & 0xFF) | (buf[off + 1] & 0xFF) << 8 | (buf[off + 2] & 0xFF) << 16 | (buf[off + 3] & 0xFF) << 24;
        return stored == (int) crc.getValue();
    }

    /** The sequence number of a record (checksum already verified). */
    public static long peekSeq(byte[] buf, int off, int len) {
        // Read on every record before decode: inline, without a ByteReader, same checks.
        int end = off + len;
        long v = 0;
        for (int i = off + 4, shift = 0; shift < 64; i++, shift += 7) {
            if (i >= end) throw new DecodeException("record ends early");
            int b = buf[i] & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new DecodeException("varint longer than 10 bytes");
    }

    /** Whether a record is a keyframe (decodable without context). */
    public static boolean peekKeyframe(byte[] buf, int off, int len) {
        int end = off + len;
        int i = off + 4;
        for (int n = 0; i < end && (buf[i] & 0x80) != 0; i++, n++) {
            if (n >= 9) throw new DecodeException("varint longer than 10 bytes");
        }
        // i is at the seq's last byte; the head byte follows it
        if (i + 1 >= end) throw new DecodeException("record ends early");
        return (buf[i + 1] & KEYFRAME) != 0;
    }

    /** True when the next non-keyframe record can be decoded (the previous one was decoded). */
    public boolean contextValid() {
        return contextValid;
    }

    /** Forget the context, e.g. after a record was skipped. */
    public void invalidate() {
        contextValid = false;
    }

    /**
     * Decodes one record whose checksum was verified. Throws {@link DecodeException} when the body
     * is malformed or needs a context this decoder does not have.
     */
    public Event decode(byte[] buf, int off, int len) {
        ByteReader r = new ByteReader(buf, off + 4, len - 4);
        r.uvarint();
        int head = r.u8();
        if ((head & KEYFRAME) != 0) {
            ctx.reset();
        } else if (!contextValid) {
            throw new DecodeException("record depends on a previous record that was not decoded");
        }
        contextValid = false;
        long ts = ctx.ts + r.svarint();
        int tid = toInt(ctx.tid + r.svarint());
        int pid = toInt(tid + r.svarint());
        Event e = switch (head & 0x0F) {
            case SYSCALL -> syscall(r, head, ts, tid, pid);
            case SPAWN -> spawn(r, head, ts, tid, pid);
            case EXEC -> execBody(r, ts, tid, pid);
            case EXIT -> new ProcessEvent.Exit(ts, tid, pid, r.int32(), r.int32(), (head & F5) != 0, (head & F6) != 0);
            case SIGNAL -> signal(r, head, ts, tid, pid);
            case STOPPED -> new ProcessEvent.Stopped(ts, tid, pid, r.int32());
            case NOTICE -> new NoticeEvent(ts, tid, pid, notice((int) r.uvarint()), r.svarint(), nstring(r));
            case START -> start(r, ts, tid, pid);
            case END -> end(r, ts, tid, pid);
            default -> throw new DecodeException("unknown record kind " + (head & 0x0F) + " (written by a newer pdig?)");
        };
        ctx.ts = ts;
        ctx.tid = tid;
        contextValid = true;
        return e;
    }

    private static ProcessEvent.Signal signal(ByteReader r, int head, long ts, int tid, int pid) {
        int signo = r.int32();
        int code = r.int32();
        int sender = r.int32();
        int senderUid = r.int32();
        // Since v4 (flag bit 5): siginfo bytes 24..47; absent in older journals, and then unknown.
        ProcessEvent.SiginfoRest rest = (head & F5) == 0 ? null
                : new ProcessEvent.SiginfoRest(r.uvarint(), r.uvarint(), r.uvarint());
        return new ProcessEvent.Signal(ts, tid, pid, signo, code, sender, senderUid, rest);
    }

    private static ProcessEvent.Spawn spawn(ByteReader r, int head, long ts, int tid, int pid) {
        int parentTid = toInt(tid + r.svarint());
        int parentPid = toInt(parentTid + r.svarint());
        return new ProcessEvent.Spawn(ts, tid, pid, parentTid, parentPid, r.uvarint(), (head & F5) != 0);
    }

    private SyscallEvent syscall(ByteReader r, int head, long ts, int tid, int pid) {
        long nr = r.uvarint();
        if (nr > 0xFFFFFFFFL) throw new DecodeException("syscall number out of range: " + nr);
        boolean hasResult = (head & F5) != 0;
        long res = hasResult ? r.svarint() : 0;
        int argc = r.count(64);
        ArgValue[] args = new ArgValue[argc];
        for (int i = 0; i < argc; i++) args[i] = arg(r);
        // Since v5: extension flags after the arguments, absent when none is set (and in older
        // journals); a duration is unknown without its flag. Bits this version does not know are
        // trailing fields it may ignore (JournalSchema, rule 2).
        long duration = SyscallEvent.NO_DURATION;
        if (r.hasMore() && (r.u8() & SYSCALL_X_DURATION) != 0) {
            duration = r.uvarint();
            if (duration < 0) throw new DecodeException("syscall duration out of range: " + Long.toUnsignedString(duration));
        }
        return new SyscallEvent(ts, tid, pid, abi((head >>> 6) & 3), (int) nr, res, hasResult, args, duration);
    }

    /** IOVEC's body (also inside MSGHDR): see JournalSchema. */
    private static ArgValue.IoVec ioVec(ByteReader r) {
        long count = r.uvarint();
        int n = r.count(MAX_ITEMS);
        long[] bases = new long[n];
        long[] lengths = new long[n];
        int[] captured = new int[n];
        for (int i = 0; i < n; i++) {
            bases[i] = r.uvarint();
            lengths[i] = r.uvarint();
            captured[i] = r.int32();
            if (captured[i] < -1) throw new DecodeException("iovec segment " + i + " captured " + captured[i]);
        }
        byte[] data = r.bytes();
        long moved = r.uvarint();
        try {
            return new ArgValue.IoVec(count, bases, lengths, captured, data, moved);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("iovec: " + e.getMessage());
        }
    }

    /** MSGHDR's body: see JournalSchema. */
    private static ArgValue.MsgHdr msgHdr(ByteReader r) {
        int bits = r.u8();
        if ((bits & ~31) != 0) throw new DecodeException("msghdr flags " + bits);
        long name = r.uvarint();
        byte[] nameBytes = (bits & 2) != 0 ? r.bytes() : null;
        long namelen = r.uvarint();
        long namelenIn = (bits & 16) != 0 ? r.uvarint() : -1;
        long iovAddr = r.uvarint();
        long iovlen = r.uvarint();
        ArgValue.IoVec iov = (bits & 4) != 0 ? ioVec(r) : null;
        long control = r.uvarint();
        long controllen = r.uvarint();
        long[] cmsgs = null;
        if ((bits & 8) != 0) {
            cmsgs = new long[r.count(MAX_ITEMS)];
            for (int i = 0; i < cmsgs.length; i++) cmsgs[i] = r.svarint();
        }
        long flags = r.uvarint();
        try {
            return new ArgValue.MsgHdr((bits & 1) != 0, name, nameBytes, namelen, namelenIn, iovAddr, iovlen, iov,
                    control, controllen, cmsgs, flags);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("msghdr: " + e.getMessage());
        }
    }

    /** MMSGHDRS' body: see JournalSchema. */
    private static ArgValue.MMsgHdrs mmsgHdrs(ByteReader r) {
        long count = r.uvarint();
        int n = r.count(MAX_ITEMS);
        ArgValue.MsgHdr[] msgs = new ArgValue.MsgHdr[n];
        long[] lens = new long[n];
        for (int k = 0; k < n; k++) {
            lens[k] = r.svarint();
            if (lens[k] < -1) throw new DecodeException("mmsghdr " + k + " msg_len " + lens[k]);
            msgs[k] = msgHdr(r);
        }
        long cutAt = r.uvarint();
        try {
            return new ArgValue.MMsgHdrs(count, msgs, lens, cutAt);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("mmsghdr vector: " + e.getMessage());
        }
    }

    private ArgValue arg(ByteReader r) {
        int tag = r.u8();
        boolean truncated = (tag & ARG_TRUNCATED) != 0;
        switch (tag & 0x0F) {
            case ARG_NULL:
                return ArgValue.Null.INSTANCE;
            case ARG_NUM: {
                long v = r.svarint();
                ctx.noteNumber(v);
                return ArgValue.Num.of(v);
            }
            case ARG_NUM_DELTA: {
                long v = ctx.word + r.svarint();
                ctx.noteNumber(v);
                return ArgValue.Num.of(v);
            }
            case ARG_BYTES:
                return new ArgValue.Bytes(r.bytes(), truncated);
            case ARG_PATH: {
                if ((tag & PATH_NO_RESOLVED) != 0) {
                    byte[] raw = prefixed(r);
                    ctx.path = raw;
                    return new ArgValue.Path(raw, null, truncated);
                }
                byte[] resolved = prefixed(r);
                byte[] raw;
                if ((tag & PATH_RAW_IS_TAIL) != 0) {
                    int n = r.count(resolved.length);
                    raw = Arrays.copyOfRange(resolved, resolved.length - n, resolved.length);
                } else {
                    raw = prefixed(r);
                }
                ctx.path = resolved;
                return new ArgValue.Path(raw, resolved, truncated);
            }
            case ARG_STRLIST:
            case ARG_STRLIST_CUT:
            case ARG_STRLIST_X: {
                int n = r.count(MAX_ITEMS);
                List<byte[]> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(r.bytes());
                int[] cut = new int[0];
                if ((tag & 0x0f) != ARG_STRLIST) cut = indices(r, n, "cut");
                int[] unreadable = new int[0];
                long[] addresses = new long[0];
                if ((tag & 0x0f) == ARG_STRLIST_X) {
                    unreadable = new int[r.count(n)];
                    addresses = new long[unreadable.length];
                    for (int k = 0; k < unreadable.length; k++) {
                        unreadable[k] = index(r, n, k == 0 ? -1 : unreadable[k - 1], "unreadable");
                        addresses[k] = r.uvarint();
                    }
                }
                return new ArgValue.StrList(Collections.unmodifiableList(items), truncated, cut, unreadable, addresses);
            }
            case ARG_SOCKADDR:
                return new ArgValue.SockAddr(r.bytes());
            case ARG_FDPAIR:
                return new ArgValue.FdPair(r.int32(), r.int32());
            case ARG_WORDS: {
                int n = r.count(MAX_ITEMS);
                long[] w = new long[n];
                for (int i = 0; i < n; i++) w[i] = r.uvarint();
                return new ArgValue.Words(w);
            }
            case ARG_IOVEC:
                return ioVec(r);
            case ARG_MSGHDR:
                return msgHdr(r);
            case ARG_MMSGHDRS:
                return mmsgHdrs(r);
            case ARG_UNREADABLE:
                return new ArgValue.Unreadable(r.uvarint(), r.int32());
            default:
                throw new DecodeException("unknown argument tag " + (tag & 0x0F) + " (written by a newer pdig?)");
        }
    }

    private byte[] prefixed(ByteReader r) {
        int shared = r.count(ctx.path.length);
        return r.bytesAfterPrefix(ctx.path, shared);
    }

    private static ProcessEvent.Exec execBody(ByteReader r, long ts, int tid, int pid) {
        int formerTid = toInt(tid + r.svarint());
        byte[] exe = nbytes(r);
        List<byte[]> argv = nlist(r);
        List<byte[]> env = nlist(r);
        byte[] cwd = nbytes(r);
        int[] uid = nints(r);
        int[] gid = nints(r);
        int loginUid = r.int32();
        int tty = r.int32();
        int sid = r.int32();
        int pgid = r.int32();
        byte[] cgroup = nbytes(r);
        long[] caps = null;
        int nc = r.count(MAX_ITEMS);
        if (nc > 0) {
            caps = new long[nc - 1];
            for (int i = 0; i < caps.length; i++) caps[i] = r.uvarint();
        }
        int flags = r.u8();
        int ppid = r.int32();
        ProcessEvent.ExeFile exeFile = null;
        if ((flags & 8) != 0) {
            exeFile = new ProcessEvent.ExeFile(r.uvarint(), r.svarint(), r.svarint(), (flags & 16) != 0, layer(flags));
        }
        ProcessEvent.Memory memory = null;
        if ((flags & 128) != 0) {
            memory = new ProcessEvent.Memory(r.uvarint(), r.uvarint(), r.uvarint());
        }
        return new ProcessEvent.Exec(ts, tid, pid, formerTid, exe, argv, (flags & 1) != 0, env, cwd, uid, gid,
                loginUid, tty, sid, pgid, cgroup, caps, (flags & 2) != 0, (flags & 4) != 0, ppid, exeFile, memory);
    }

    /**
     * The exe's overlayfs layer from EXEC's flags (see JournalSchema): bit5 on overlayfs, then bit2
     * upper (the exec's own EXE_UPPER_LAYER bit), bit6 lower (since v7); neither is unknown, as
     * every v6 exec on overlayfs is.
     */
    private static ProcessEvent.Layer layer(int flags) {
        if ((flags & 32) == 0) return ProcessEvent.Layer.NOT_OVERLAY;
        if ((flags & 4) != 0) return ProcessEvent.Layer.UPPER;
        return (flags & 64) != 0 ? ProcessEvent.Layer.LOWER : ProcessEvent.Layer.UNKNOWN;
    }

    /** An ascending list of item indices below {@code n} (a STRLIST's cut items). */
    private static int[] indices(ByteReader r, int n, String what) {
        int[] v = new int[r.count(n)];
        for (int k = 0; k < v.length; k++) v[k] = index(r, n, k == 0 ? -1 : v[k - 1], what);
        return v;
    }

    private static int index(ByteReader r, int n, int previous, String what) {
        long i = r.uvarint();
        if (i >= n || i <= previous) throw new DecodeException(what + " item " + i + " out of order or range");
        return (int) i;
    }

    private static SessionEvent.Start start(ByteReader r, long ts, int tid, int pid) {
        String host = nstring(r);
        String boot = nstring(r);
        String version = nstring(r);
        int schema = r.count(Integer.MAX_VALUE);
        List<byte[]> command = null;
        int nc = r.count(MAX_ITEMS);
        if (nc > 0) {
            command = new ArrayList<>(nc - 1);
            for (int i = 1; i < nc; i++) command.add(r.bytes());
            command = Collections.unmodifiableList(command);
        }
        int attachPid = r.int32();
        List<SessionEvent.ProcessSnapshot> procs = null;
        int np = r.count(MAX_ITEMS);
        if (np > 0) {
            procs = new ArrayList<>(np - 1);
            for (int i = 1; i < np; i++) {
                byte[] blob = r.bytes();
                ByteReader x = new ByteReader(blob, 0, blob.length);
                long xts = x.svarint();
                int xtid = x.int32();
                int xpid = x.int32();
                ProcessEvent.Exec exec = execBody(x, xts, xtid, xpid);
                int nf = r.count(MAX_ITEMS);
                Map<Integer, byte[]> fds = new LinkedHashMap<>();
                for (int f = 0; f < nf; f++) fds.put(r.int32(), nbytes(r));
                procs.add(new SessionEvent.ProcessSnapshot(exec, Collections.unmodifiableMap(fds)));
            }
            procs = Collections.unmodifiableList(procs);
        }
        return new SessionEvent.Start(ts, tid, pid, host, boot, version, schema, command, attachPid, procs);
    }

    private static SessionEvent.End end(ByteReader r, long ts, int tid, int pid) {
        int exitCode = r.int32();
        int signal = r.int32();
        int n = r.count(MAX_ITEMS);
        Map<String, Long> counters = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) counters.put(r.string(), r.svarint());
        return new SessionEvent.End(ts, tid, pid, exitCode, signal, Collections.unmodifiableMap(counters));
    }

    private static byte[] nbytes(ByteReader r) {
        int n = r.count(ByteReader.MAX_BYTES + 1);
        return n == 0 ? null : r.raw(n - 1);
    }

    private static String nstring(ByteReader r) {
        byte[] b = nbytes(r);
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<byte[]> nlist(ByteReader r) {
        int n = r.count(MAX_ITEMS);
        if (n == 0) return null;
        List<byte[]> l = new ArrayList<>(n - 1);
        for (int i = 1; i < n; i++) l.add(r.bytes());
        return Collections.unmodifiableList(l);
    }

    private static int[] nints(ByteReader r) {
        int n = r.count(MAX_ITEMS);
        if (n == 0) return null;
        int[] a = new int[n - 1];
        for (int i = 0; i < a.length; i++) a[i] = r.int32();
        return a;
    }

    private static int toInt(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new DecodeException("id out of range: " + v);
        return (int) v;
    }
}
