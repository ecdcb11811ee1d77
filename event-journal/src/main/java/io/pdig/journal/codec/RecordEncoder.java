package io.pdig.journal.codec;

import static io.pdig.journal.codec.Codes.*;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Encodes events into records of {@link JournalSchema}. Stateful (the delta context): one encoder
 * per writer, used only by the journal thread, fed records in sequence order.
 */
public final class RecordEncoder {
    private final CodecContext ctx = new CodecContext();
    private final ByteWriter out = new ByteWriter(512);
    private final ByteWriter scratch = new ByteWriter(256);
    private final CRC32C crc = new CRC32C();

    /**
     * Encodes one record. The result is in {@link #array()} [0, {@link #length()}) until the next call.
     *
     * @param keyframe true to reset the delta context first, so the record decodes on its own
     */
    public void encode(long seq, Event event, boolean keyframe) {
        if (keyframe) ctx.reset();
        out.reset();
        out.skip(4);
        out.uvarint(seq);
        int headPos = out.length();
        out.u8(0);
        out.svarint(event.ts() - ctx.ts);
        out.svarint((long) event.tid() - ctx.tid);
        out.svarint((long) event.pid() - event.tid());
        int head;
        if (event instanceof SyscallEvent e) {
            head = syscall(e);
        } else if (event instanceof ProcessEvent.Spawn e) {
            head = spawn(e);
        } else if (event instanceof ProcessEvent.Exec e) {
            execBody(out, e);
            head = EXEC;
        } else if (event instanceof ProcessEvent.Exit e) {
            head = exit(e);
        } else if (event instanceof ProcessEvent.Signal e) {
            head = signal(e);
        } else if (event instanceof ProcessEvent.Stopped e) {
            out.svarint(e.signo());
            head = STOPPED;
        } else if (event instanceof NoticeEvent e) {
            head = notice(e);
        } else if (event instanceof SessionEvent.Start e) {
            head = start(e);
        } else if (event instanceof SessionEvent.End e) {
            head = end(e);
        } else {
            throw new IllegalArgumentException("no journal encoding for " + event.getClass().getName());
        }
        out.array()[headPos] = (byte) (head | (keyframe ? KEYFRAME : 0));
        ctx.ts = event.ts();
        ctx.tid = event.tid();
        crc.reset();
        crc.update(out.array(), 4, out.length() - 4);
        out.putInt32At(0, (int) crc.getValue());
    }

    public byte[] array() {
        return out.array();
    }

    public int length() {
        return out.length();
    }

    private int syscall(SyscallEvent e) {
        int head = SYSCALL | (abiCode(e.abi()) << 6);
        out.uvarint(e.nr() & 0xFFFFFFFFL);
        if (e.hasResult()) {
            head |= F5;
            out.svarint(e.res());
        }
        ArgValue[] args = e.args() == null ? new ArgValue[0] : e.args();
        out.uvarint(args.length);
        for (ArgValue a : args) arg(a);
        // The head has no free bit (5 hasResult, 6-7 abi), so v5 appends an extension-flags byte,
        // written only when a flag is set: an event without a duration stays as v4 wrote it.
        if (e.hasDuration()) {
            out.u8(SYSCALL_X_DURATION);
            out.uvarint(e.duration());
        }
        return head;
    }

    /** IOVEC's body (also inside MSGHDR): see JournalSchema. */
    private void ioVec(ArgValue.IoVec v) {
        out.uvarint(v.count());
        long[] bases = v.bases();
        long[] lengths = v.lengths();
        int[] captured = v.captured();
        out.uvarint(bases.length);
        for (int i = 0; i < bases.length; i++) {
            out.uvarint(bases[i]);
            out.uvarint(lengths[i]);
            out.svarint(captured[i]);
        }
        out.bytes(v.data());
        out.uvarint(v.moved());
    }

    /** MSGHDR's body: see JournalSchema. */
    private void msgHdr(ArgValue.MsgHdr m) {
        int bits = (m.full() ? 1 : 0) | (m.nameBytes() != null ? 2 : 0) | (m.iov() != null ? 4 : 0)
                | (m.cmsgs() != null ? 8 : 0) | (m.namelenIn() >= 0 ? 16 : 0);
        out.u8(bits);
        out.uvarint(m.name());
        if (m.nameBytes() != null) out.bytes(m.nameBytes());
        out.uvarint(m.namelen());
        if (m.namelenIn() >= 0) out.uvarint(m.namelenIn());
        out.uvarint(m.iovAddr());
        out.uvarint(m.iovlen());
        if (m.iov() != null) ioVec(m.iov());
        out.uvarint(m.control());
        out.uvarint(m.controllen());
        if (m.cmsgs() != null) {
            out.uvarint(m.cmsgs().length);
            for (long x : m.cmsgs()) out.svarint(x);
        }
        out.uvarint(m.flags());
    }

    /** MMSGHDRS' body: see JournalSchema. */
    private void mmsgHdrs(ArgValue.MMsgHdrs v) {
        out.uvarint(v.count());
        out.uvarint(v.msgs().length);
        for (int k = 0; k < v.msgs().length; k++) {
            out.svarint(v.lens()[k]);
            msgHdr(v.msgs()[k]);
        }
        out.uvarint(v.cutAt());
    }

    private void arg(ArgValue a) {
        if (a == null || a instanceof ArgValue.Null) {
            out.u8(ARG_NULL);
        } else if (a instanceof ArgValue.Num n) {
            long v = n.value();
            if (ByteWriter.svarintSize(v - ctx.word) < ByteWriter.svarintSize(v)) {
                out.u8(ARG_NUM_DELTA);
                out.svarint(v - ctx.word);
            } else {
                out.u8(ARG_NUM);
                out.svarint(v);
            }
            ctx.noteNumber(v);
        } else if (a instanceof ArgValue.Bytes b) {
            out.u8(ARG_BYTES | (b.truncated() ? ARG_TRUNCATED : 0));
            out.bytes(b.bytes());
        } else if (a instanceof ArgValue.Path p) {
            path(p);
        } else if (a instanceof ArgValue.StrList l) {
            int[] cut = l.cutItems();
            int[] unreadable = l.unreadableItems();
            // The oldest tag that can say it (v1's STRLIST, v2's STRLIST_CUT), so such records stay
            // as those versions wrote them.
            int tag = unreadable.length > 0 ? ARG_STRLIST_X : cut.length > 0 ? ARG_STRLIST_CUT : ARG_STRLIST;
            out.u8(tag | (l.truncated() ? ARG_TRUNCATED : 0));
            out.uvarint(l.items().size());
            for (byte[] item : l.items()) out.bytes(item);
            if (tag != ARG_STRLIST) {
                out.uvarint(cut.length);
                for (int i : cut) out.uvarint(i);
            }
            if (tag == ARG_STRLIST_X) {
                long[] addresses = l.unreadableAddresses();
                out.uvarint(unreadable.length);
                for (int k = 0; k < unreadable.length; k++) {
                    out.uvarint(unreadable[k]);
                    out.uvarint(addresses[k]);
                }
            }
        } else if (a instanceof ArgValue.SockAddr s) {
            out.u8(ARG_SOCKADDR);
            out.bytes(s.bytes());
        } else if (a instanceof ArgValue.FdPair f) {
            out.u8(ARG_FDPAIR);
            out.svarint(f.first());
            out.svarint(f.second());
        } else if (a instanceof ArgValue.Words w) {
            out.u8(ARG_WORDS);
            out.uvarint(w.words().length);
            for (long x : w.words()) out.uvarint(x);
        } else if (a instanceof ArgValue.IoVec v) {
            out.u8(ARG_IOVEC);
            ioVec(v);
        } else if (a instanceof ArgValue.MsgHdr m) {
            out.u8(ARG_MSGHDR);
            msgHdr(m);
        } else if (a instanceof ArgValue.MMsgHdrs v) {
            out.u8(ARG_MMSGHDRS);
            mmsgHdrs(v);
        } else if (a instanceof ArgValue.Unreadable u) {
            out.u8(ARG_UNREADABLE);
            out.uvarint(u.address());
            out.svarint(u.errno());
        } else {
            throw new IllegalArgumentException("no journal encoding for " + a.getClass().getName());
        }
    }

    private void path(ArgValue.Path p) {
        byte[] raw = p.raw();
        byte[] resolved = p.resolved();
        int tag = ARG_PATH | (p.truncated() ? ARG_TRUNCATED : 0);
        if (resolved == null) {
            out.u8(tag | PATH_NO_RESOLVED);
            prefixed(raw);
            ctx.path = raw;
            return;
        }
        // Usually the raw path is the tail of the resolved one ("x.so" of "/usr/lib/x.so"): then only
        // its length is stored, and the resolved path shares its directory with the previous path.
        boolean tail = isTail(raw, resolved);
        out.u8(tag | (tail ? PATH_RAW_IS_TAIL : 0));
        prefixed(resolved);
        if (tail) out.uvarint(raw.length);
        else prefixed(raw);
        ctx.path = resolved;
    }

    private static boolean isTail(byte[] raw, byte[] resolved) {
        int off = resolved.length - raw.length;
        if (off < 0) return false;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != resolved[off + i]) return false;
        }
        return true;
    }

    /** Writes {@code value} as (bytes shared with ctx.path, rest). */
    private void prefixed(byte[] value) {
        byte[] base = ctx.path;
        int n = Math.min(base.length, value.length);
        int shared = 0;
        while (shared < n && base[shared] == value[shared]) shared++;
        out.uvarint(shared);
        out.uvarint(value.length - shared);
        out.raw(value, shared, value.length - shared);
    }

    private int spawn(ProcessEvent.Spawn e) {
        out.svarint((long) e.parentTid() - e.tid());
        out.svarint((long) e.parentPid() - e.parentTid());
        out.uvarint(e.cloneFlags());
        return SPAWN | (e.thread() ? F5 : 0);
    }

    private int exit(ProcessEvent.Exit e) {
        out.svarint(e.exitCode());
        out.svarint(e.signal());
        return EXIT | (e.coreDumped() ? F5 : 0) | (e.threadOnly() ? F6 : 0);
    }

    private int signal(ProcessEvent.Signal e) {
        out.svarint(e.signo());
        out.svarint(e.code());
        out.svarint(e.sender());
        out.svarint(e.senderUid());
        if (e.rest() == null) return SIGNAL;
        out.uvarint(e.rest().w24());
        out.uvarint(e.rest().w32());
        out.uvarint(e.rest().w40());
        return SIGNAL | F5;
    }

    private int notice(NoticeEvent e) {
        out.uvarint(noticeCode(e.kind()));
        out.svarint(e.count());
        nstring(out, e.message());
        return NOTICE;
    }

    private int start(SessionEvent.Start e) {
        nstring(out, e.hostname());
        nstring(out, e.bootId());
        nstring(out, e.pdigVersion());
        out.uvarint(e.schemaVersion());
        if (e.command() == null) {
            out.uvarint(0);
        } else {
            out.uvarint(e.command().size() + 1L);
            for (byte[] arg : e.command()) out.bytes(arg); // the same bytes v1 wrote for valid UTF-8
        }
        out.svarint(e.attachPid());
        List<SessionEvent.ProcessSnapshot> procs = e.processes();
        if (procs == null) {
            out.uvarint(0);
        } else {
            out.uvarint(procs.size() + 1L);
            for (SessionEvent.ProcessSnapshot ps : procs) {
                ProcessEvent.Exec x = ps.exec();
                scratch.reset();
                scratch.svarint(x.ts());
                scratch.svarint(x.tid());
                scratch.svarint(x.pid());
                execBody(scratch, x);
                out.uvarint(scratch.length());
                out.raw(scratch.array(), 0, scratch.length());
                Map<Integer, byte[]> fds = ps.fds() == null ? Map.of() : ps.fds();
                out.uvarint(fds.size());
                for (Map.Entry<Integer, byte[]> f : fds.entrySet()) {
                    out.svarint(f.getKey());
                    nbytes(out, f.getValue());
                }
            }
        }
        return START;
    }

    private int end(SessionEvent.End e) {
        out.svarint(e.exitCode());
        out.svarint(e.signal());
        Map<String, Long> c = e.counters() == null ? Map.of() : e.counters();
        out.uvarint(c.size());
        for (Map.Entry<String, Long> x : c.entrySet()) {
            out.string(x.getKey());
            out.svarint(x.getValue() == null ? 0 : x.getValue());
        }
        return END;
    }

    private static void execBody(ByteWriter w, ProcessEvent.Exec e) {
        w.svarint((long) e.formerTid() - e.tid());
        nbytes(w, e.exePath());
        nlist(w, e.argv());
        nlist(w, e.env());
        nbytes(w, e.cwd());
        nints(w, e.uid());
        nints(w, e.gid());
        w.svarint(e.loginUid());
        w.svarint(e.tty());
        w.svarint(e.sid());
        w.svarint(e.pgid());
        nbytes(w, e.cgroup());
        if (e.caps() == null) {
            w.uvarint(0);
        } else {
            w.uvarint(e.caps().length + 1L);
            for (long c : e.caps()) w.uvarint(c);
        }
        ProcessEvent.ExeFile f = e.exeFile();
        ProcessEvent.Memory m = e.memory();
        w.u8((e.argvTruncated() ? 1 : 0) | (e.exeFromMemfd() ? 2 : 0) | (e.exeUpperLayer() ? 4 : 0)
                | (f == null ? 0 : 8 | (f.writable() ? 16 : 0) | (f.overlay() ? 32 : 0)
                        | (f.layer() == ProcessEvent.Layer.LOWER ? 64 : 0))
                | (m == null ? 0 : 128));
        w.svarint(e.ppid());
        if (f != null) {
            w.uvarint(f.ino());
            w.svarint(f.ctimeNs());
            w.svarint(f.mtimeNs());
        }
        if (m != null) {
            w.uvarint(m.sizeKb());
            w.uvarint(m.rssKb());
            w.uvarint(m.swapKb());
        }
    }

    private static void nbytes(ByteWriter w, byte[] b) {
        if (b == null) {
            w.uvarint(0);
        } else {
            w.uvarint(b.length + 1L);
            w.raw(b, 0, b.length);
        }
    }

    private static void nstring(ByteWriter w, String s) {
        nbytes(w, s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void nlist(ByteWriter w, List<byte[]> l) {
        if (l == null) {
            w.uvarint(0);
        } else {
            w.uvarint(l.size() + 1L);
            for (byte[] b : l) w.bytes(b);
        }
    }

    private static void nints(ByteWriter w, int[] a) {
        if (a == null) {
            w.uvarint(0);
        } else {
            w.uvarint(a.length + 1L);
            for (int x : a) w.svarint(x);
        }
    }
}
