package io.pdig.analyzer.fields;

import static io.pdig.analyzer.fields.FieldArg.NONE;
import static io.pdig.analyzer.fields.FieldArg.REQUIRED_KEY;
import static io.pdig.analyzer.fields.FieldType.*;

import io.pdig.analyzer.state.Capture;
import io.pdig.analyzer.state.MessageVectors;
import io.pdig.analyzer.state.StateView;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallFlag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * evt.* fields. Times are printed in UTC (Falco uses the local time zone for evt.time; pdig
 * prefers UTC so that a journal replayed elsewhere prints the same alerts). pdig events are
 * exit-complete, so evt.dir is always "&lt;".
 */
final class EvtFields {
    private EvtFields() {
    }

    static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    static void register(FieldRegistry.Builder b) {
        b.plain("evt.num", UINT64, "event number: the journal sequence number", (c, a) -> c.seq());
        b.add(new Field("evt.time", CHARBUF, NONE, false,
                "event timestamp as HH:MM:SS.nnnnnnnnn (UTC); in JSON output the nanosecond epoch",
                (c, a) -> timeText(c.event().ts()), null, (c, a) -> c.event().ts()));
        b.plain("evt.time.s", CHARBUF, "event timestamp as HH:MM:SS (UTC)", (c, a) -> HMS.format(instant(c.event().ts())));
        b.plain("evt.time.iso8601", CHARBUF, "event timestamp as YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+0000",
                (c, a) -> iso8601(c.event().ts()));
        b.plain("evt.datetime", CHARBUF, "event timestamp as YYYY-MM-DD HH:MM:SS.nnnnnnnnn (UTC)",
                (c, a) -> DATE.format(instant(c.event().ts())) + " " + timeText(c.event().ts()));
        b.plain("evt.datetime.s", CHARBUF, "event timestamp as YYYY-MM-DD HH:MM:SS (UTC)",
                (c, a) -> DATE.format(instant(c.event().ts())) + " " + HMS.format(instant(c.event().ts())));
        b.plain("evt.rawtime", ABSTIME, "event timestamp in nanoseconds since the epoch", (c, a) -> c.event().ts());
        b.plain("evt.rawtime.s", ABSTIME, "integer part of the event timestamp in seconds",
                (c, a) -> Math.floorDiv(c.event().ts(), 1_000_000_000L));
        b.plain("evt.rawtime.ns", ABSTIME, "fractional part of the event timestamp in nanoseconds",
                (c, a) -> Math.floorMod(c.event().ts(), 1_000_000_000L));
        // Counted from the session start record, not from the first event as Falco does: see Capture.
        b.plain("evt.reltime", RELTIME, "ns since the capture started: since the session start record of the event's "
                + "journal session (pdig run/attach writes it before the command starts; no value when the reader started "
                + "inside a session)", (c, a) -> reltime(c));
        b.plain("evt.reltime.s", RELTIME, "integer part of evt.reltime in seconds", (c, a) -> {
            Long r = reltime(c);
            return r == null ? null : r / 1_000_000_000L;
        });
        b.plain("evt.reltime.ns", RELTIME, "fractional part of evt.reltime in ns", (c, a) -> {
            Long r = reltime(c);
            return r == null ? null : r % 1_000_000_000L;
        });
        // Falco gives the duration on the exit event (an entry event has 0); pdig's events are
        // whole calls, exit events (evt.dir '<'), so each has it when its exit stop was seen.
        b.plain("evt.latency", RELTIME, "syscall duration in ns, entry to exit; no value when the exit was not seen "
                + "(close in derived sets, exit_group, journals before schema v5)", (c, a) -> latency(c));
        b.plain("evt.latency.s", RELTIME, "integer part of evt.latency in seconds", (c, a) -> {
            Long l = latency(c);
            return l == null ? null : l / 1_000_000_000L;
        });
        b.plain("evt.latency.ns", RELTIME, "fractional part of evt.latency in ns", (c, a) -> {
            Long l = latency(c);
            return l == null ? null : l % 1_000_000_000L;
        });
        // Memory per place of use, as libsinsp's filtercheck keeps it: see DeltaTime.
        String since = " the previous event the same condition check or output text (of any rule) extracted it from; "
                + "0 the first time, again in each journal session";
        b.perUse("evt.deltatime", RELTIME, "ns since" + since, () -> new DeltaTime(DeltaTime.Part.WHOLE));
        b.perUse("evt.deltatime.s", RELTIME, "integer part of evt.deltatime in seconds",
                () -> new DeltaTime(DeltaTime.Part.SECONDS));
        b.perUse("evt.deltatime.ns", RELTIME, "fractional part of evt.deltatime in ns",
                () -> new DeltaTime(DeltaTime.Part.FRACTION));
        b.plain("evt.dir", CHARBUF, "event direction: always '<' (pdig events are exit events)", (c, a) -> "<");
        b.plain("evt.type", CHARBUF, "event type: the syscall name", (c, a) -> type(c.event()));
        b.withArg("evt.type.is", BOOL, REQUIRED_KEY, "true when the event type is the argument",
                (c, a) -> a == null ? null : a.equals(type(c.event())));
        b.noValue("evt.cpu", INT64, NONE, "CPU number");
        b.plain("evt.category", CHARBUF, "event category: file, net, process, memory, signal or other",
                (c, a) -> category(c.event()));
        b.plain("evt.source", CHARBUF, "event source: always syscall", (c, a) -> "syscall");
        b.plain("evt.hostname", CHARBUF, "host name of the traced system", (c, a) -> {
            StateView s = c.state();
            return s != null ? s.hostname() : null;
        });
        b.noValue("evt.pluginname", CHARBUF, NONE, "plugin that generated the event");
        b.noValue("evt.plugininfo", CHARBUF, NONE, "plugin event summary");
        b.plain("evt.is_async", BOOL, "true for asynchronous events: always false", (c, a) -> false);
        b.plain("evt.args", CHARBUF, "all event parameters as name=value(resolved)",
                (c, a) -> c.event() instanceof SyscallEvent s ? ArgRender.all(c, s) : null);
        b.plain("evt.info", CHARBUF, "event details: same as evt.args for syscalls",
                (c, a) -> c.event() instanceof SyscallEvent s ? ArgRender.all(c, s) : null);
        b.withArg("evt.arg", CHARBUF, REQUIRED_KEY,
                "a parameter by name (evt.arg.flags, evt.arg[flags]) or index (evt.arg[0] is the result), resolved",
                EvtFields::arg);
        b.withArg("evt.rawarg", CHARBUF, REQUIRED_KEY, "a parameter by name, raw value as text", (c, a) ->
                c.event() instanceof SyscallEvent s && a != null ? ArgRender.rawByName(c, s, a) : null);
        b.plain("evt.buffer", BYTEBUF, "I/O data of read/write/pread64/pwrite64/recvfrom/sendto, the readv/writev family and "
                + "sendmsg/recvmsg (their segments concatenated): the first "
                + "--snaplen bytes (default 80) the call read or wrote; no value for a failed read or an unreadable buffer; "
                + "sendmmsg/recvmmsg: the messages' data concatenated, --snaplen bytes of each of the first 32",
                (c, a) -> buffer(c));
        b.plain("evt.buflen", UINT64, "bytes a successful call with an I/O buffer read or wrote (its result; sendmmsg/recvmmsg: "
                + "the msg_len of its messages added up, of the first 32)", (c, a) -> {
            SyscallEvent s = sys(c);
            if (s == null || dataIndex(s.syscall()) < 0 || !s.hasResult() || s.failed()) return null;
            return s.args()[dataIndex(s.syscall())] instanceof ArgValue.MMsgHdrs v ? MessageVectors.bytesMoved(v, s.res()) : s.res();
        });
        b.plain("evt.res", CHARBUF, "result: SUCCESS or the errno name (ENOENT...)", (c, a) -> {
            SyscallEvent s = sys(c);
            if (s == null || !s.hasResult()) return null;
            return s.failed() ? LocalNames.errnoName(-s.res()) : "SUCCESS";
        });
        b.plain("evt.rawres", INT64, "result as a number (negative errno on failure)", (c, a) -> {
            SyscallEvent s = sys(c);
            return s == null || !s.hasResult() ? null : s.res();
        });
        b.plain("evt.failed", BOOL, "true when the call returned an error", (c, a) -> {
            SyscallEvent s = sys(c);
            return s == null || !s.hasResult() ? null : s.failed();
        });
        b.plain("evt.count", UINT64, "1 for every event (for aggregations)", (c, a) -> 1L);
        b.plain("evt.is_io", BOOL, "true for I/O calls (read/write family, send/recv)", (c, a) -> ioKind(c) != 0);
        b.plain("evt.is_io_read", BOOL, "true for reading I/O calls", (c, a) -> ioKind(c) == 1);
        b.plain("evt.is_io_write", BOOL, "true for writing I/O calls", (c, a) -> ioKind(c) == 2);
        b.plain("evt.is_wait", BOOL, "true for calls that wait (sleep, wait4...)", (c, a) -> {
            String t = type(c.event());
            return t != null && (t.contains("sleep") || t.startsWith("wait") || t.equals("pause"));
        });
        b.plain("evt.is_syslog", BOOL, "true for writes to /dev/log", (c, a) ->
                ioKind(c) == 2 && c.fd() != null && "/dev/log".equals(c.fd().name()));
        b.plain("evt.is_open_read", BOOL, "true for open calls opening for reading (O_RDONLY or O_RDWR)", (c, a) -> {
            Long f = openFlags(c);
            return f == null ? false : (f & 3) == 0 || (f & 3) == LocalNames.O_RDWR;
        });
        b.plain("evt.is_open_write", BOOL, "true for open calls opening for writing (O_WRONLY or O_RDWR)", (c, a) -> {
            Long f = openFlags(c);
            return f == null ? false : (f & 3) == LocalNames.O_WRONLY || (f & 3) == LocalNames.O_RDWR;
        });
        b.plain("evt.is_open_exec", BOOL, "true for open calls creating a file with an execute permission bit",
                (c, a) -> {
                    Long f = openFlags(c);
                    Long m = openMode(c);
                    return f != null && m != null && (m & 0111) != 0
                            && ((f & LocalNames.O_CREAT) != 0 || (f & LocalNames.O_TMPFILE) == LocalNames.O_TMPFILE);
                });
        b.plain("evt.is_open_create", BOOL,
                "true when an open created the file; known only for O_EXCL or O_TMPFILE opens, else no value "
                        + "(Falco asks the kernel)",
                (c, a) -> {
                    Long f = openFlags(c);
                    if (f == null || (f & LocalNames.O_CREAT) == 0 && (f & LocalNames.O_TMPFILE) != LocalNames.O_TMPFILE) {
                        return false;
                    }
                    SyscallEvent s = sys(c);
                    if (s.failed()) return false;
                    return (f & LocalNames.O_EXCL) != 0 || (f & LocalNames.O_TMPFILE) == LocalNames.O_TMPFILE ? true : null;
                });
    }

    static String type(Event e) {
        if (e instanceof SyscallEvent s) {
            return s.name();
        }
        return null;
    }

    /** Time since the capture (the event's journal session) started; null before a session start record. */
    private static Long reltime(EvalContext c) {
        StateView s = c.state();
        Capture capture = s == null ? null : s.capture();
        return capture == null ? null : c.event().ts() - capture.startTs();
    }

    private static Long latency(EvalContext c) {
        SyscallEvent s = sys(c);
        return s == null || !s.hasDuration() ? null : s.duration();
    }

    private static SyscallEvent sys(EvalContext c) {
        return c.event() instanceof SyscallEvent s ? s : null;
    }

    private static Object arg(EvalContext c, String a) {
        SyscallEvent s = sys(c);
        if (s == null || a == null) {
            return null;
        }
        if (!a.isEmpty() && a.chars().allMatch(Character::isDigit)) {
            return ArgRender.byIndex(c, s, Integer.parseInt(a));
        }
        return ArgRender.byName(c, s, a);
    }

    /** The captured bytes of the event's data buffer argument, or null (none, not read, unreadable). */
    private static byte[] buffer(EvalContext c) {
        SyscallEvent s = sys(c);
        if (s == null) return null;
        int i = dataIndex(s.syscall());
        if (i < 0 || i >= s.args().length) return null;
        // an iovec's segments concatenated, as Falco's drivers give readv/writev's buffer
        // (a failed read wrote nothing: no value, as DATA_OUT's address gives none)
        if (s.args()[i] instanceof ArgValue.IoVec v) {
            return s.failed() && s.syscall().args().get(i).kind() == ArgKind.IOVEC_OUT ? null : v.data();
        }
        // sendmsg/recvmsg: their msg_iov's segments, as readv/writev's (a failed recvmsg keeps none)
        if (s.args()[i] instanceof ArgValue.MsgHdr m) return m.iov() != null ? m.iov().data() : null;
        // sendmmsg/recvmmsg: the data of the messages the call moved, one after another
        if (s.args()[i] instanceof ArgValue.MMsgHdrs v) return MessageVectors.data(v, MessageVectors.moved(v, s));
        return s.args()[i] instanceof ArgValue.Bytes b ? b.bytes() : null;
    }

    /** Index of a row's data buffer argument (ArgKind DATA, DATA_OUT, IOVEC, IOVEC_OUT, MSGHDR, MSGHDR_OUT, MMSGHDR or MMSGHDR_OUT), or -1. */
    private static int dataIndex(Syscall row) {
        if (row == null) return -1;
        for (int i = 0; i < row.args().size(); i++) {
            ArgKind k = row.args().get(i).kind();
            if (k == ArgKind.DATA || k == ArgKind.DATA_OUT || k == ArgKind.IOVEC || k == ArgKind.IOVEC_OUT
                    || k == ArgKind.MSGHDR || k == ArgKind.MSGHDR_OUT || k == ArgKind.MMSGHDR || k == ArgKind.MMSGHDR_OUT) return i;
        }
        return -1;
    }

    private static String category(Event e) {
        if (!(e instanceof SyscallEvent s)) {
            return null;
        }
        Syscall row = s.syscall();
        if (row == null) return "other";
        if (row.has(SyscallFlag.NETWORK)) return "net";
        if (row.has(SyscallFlag.FILE)) return "file";
        if (row.has(SyscallFlag.PROCESS)) return "process";
        if (row.has(SyscallFlag.MEMORY)) return "memory";
        if (row.has(SyscallFlag.SIGNALS)) return "signal";
        return "other";
    }

    /** 1 read, 2 write, 0 not I/O. */
    private static int ioKind(EvalContext c) {
        String t = type(c.event());
        if (t == null) return 0;
        return switch (t) {
            case "read", "pread64", "readv", "preadv", "recvfrom", "recvmsg", "recvmmsg" -> 1;
            case "write", "pwrite64", "writev", "pwritev", "sendto", "sendmsg", "sendmmsg", "sendfile" -> 2;
            default -> 0;
        };
    }

    /** Linux open flags of an open-family event, or null for other events. */
    static Long openFlags(EvalContext c) {
        SyscallEvent s = sys(c);
        return s == null ? null : io.pdig.analyzer.state.OpenCalls.flags(s);
    }

    private static Long openMode(EvalContext c) {
        SyscallEvent s = sys(c);
        if (s == null) return null;
        if (s.name().equals("openat2")) {
            return s.arg("how") instanceof ArgValue.Words w && w.words().length > 1 ? w.words()[1] : null;
        }
        return s.arg("mode") instanceof ArgValue.Num n ? n.value() : null;
    }

    static Instant instant(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    }

    /** HH:MM:SS.nnnnnnnnn in UTC. */
    static String timeText(long ns) {
        return HMS.format(instant(ns)) + "." + nanos(ns);
    }

    static String iso8601(long ns) {
        return DATE.format(instant(ns)) + "T" + timeText(ns) + "+0000";
    }

    static String nanos(long ns) {
        String n = Long.toString(Math.floorMod(ns, 1_000_000_000L));
        return "000000000".substring(n.length()) + n;
    }
}
