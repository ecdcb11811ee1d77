package io.pdig.journal;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A canonical, complete text form of an event (byte arrays as hex), so tests can compare events
 * that hold arrays (records compare arrays by identity) with assertEquals and see the difference.
 */
public final class EventText {
    private EventText() {
    }

    public static String of(Event e) {
        if (e instanceof SyscallEvent s) {
            List<String> args = new ArrayList<>();
            for (ArgValue a : s.args()) args.add(arg(a));
            return "Syscall[ts=" + s.ts() + ", tid=" + s.tid() + ", pid=" + s.pid() + ", abi=" + s.abi() + ", nr=" + s.nr()
                    + ", res=" + s.res() + ", hasResult=" + s.hasResult() + ", args=" + args
                    // The fixtures' text of schema v1-v4, which had no duration: unchanged when unknown.
                    + (s.hasDuration() ? ", duration=" + s.duration() : "") + "]";
        }
        if (e instanceof ProcessEvent.Exec x) return exec(x);
        if (e instanceof SessionEvent.Start st) {
            List<String> procs = null;
            if (st.processes() != null) {
                procs = new ArrayList<>();
                for (SessionEvent.ProcessSnapshot p : st.processes()) {
                    StringBuilder fds = new StringBuilder();
                    for (Map.Entry<Integer, byte[]> f : p.fds().entrySet()) fds.append(f.getKey()).append('=').append(hex(f.getValue())).append(' ');
                    procs.add(exec(p.exec()) + " fds{" + fds + "}");
                }
            }
            return "Start[ts=" + st.ts() + ", tid=" + st.tid() + ", pid=" + st.pid() + ", host=" + st.hostname() + ", boot="
                    + st.bootId() + ", version=" + st.pdigVersion() + ", schema=" + st.schemaVersion() + ", command=" + text(st.command())
                    + ", attachPid=" + st.attachPid() + ", processes=" + procs + "]";
        }
        if (e instanceof ProcessEvent.Signal g) {
            // The fixtures' text of schema v1-v3, which had no siginfo rest: unchanged when absent.
            return "Signal[ts=" + g.ts() + ", tid=" + g.tid() + ", pid=" + g.pid() + ", signo=" + g.signo() + ", code="
                    + g.code() + ", sender=" + g.sender() + ", senderUid=" + g.senderUid()
                    + (g.rest() == null ? "" : ", rest=" + g.rest()) + "]";
        }
        return e.toString();
    }

    private static String exec(ProcessEvent.Exec x) {
        return "Exec[ts=" + x.ts() + ", tid=" + x.tid() + ", pid=" + x.pid() + ", formerTid=" + x.formerTid() + ", exe=" + hex(x.exePath())
                + ", argv=" + list(x.argv()) + ", argvTrunc=" + x.argvTruncated() + ", env=" + list(x.env()) + ", cwd=" + hex(x.cwd())
                + ", uid=" + Arrays.toString(x.uid()) + ", gid=" + Arrays.toString(x.gid()) + ", loginUid=" + x.loginUid()
                + ", tty=" + x.tty() + ", sid=" + x.sid() + ", pgid=" + x.pgid() + ", cgroup=" + hex(x.cgroup())
                + ", caps=" + Arrays.toString(x.caps()) + ", memfd=" + x.exeFromMemfd() + ", upper=" + x.exeUpperLayer()
                + ", ppid=" + x.ppid()
                // The fixtures' text of schema v1-v5, which had no exe inode: unchanged when unknown.
                + (x.exeFile() == null ? "" : ", exeFile=" + exeFile(x.exeFile()))
                // ... and of schema v6 and v7, which had no memory.
                + (x.memory() == null ? "" : ", memory=" + x.memory()) + "]";
    }

    /** The v6 fixture's text (ExeFile's toString then), plus the layer when known (schema v7). */
    private static String exeFile(ProcessEvent.ExeFile f) {
        boolean known = f.layer() == ProcessEvent.Layer.UPPER || f.layer() == ProcessEvent.Layer.LOWER;
        return "ExeFile[ino=" + f.ino() + ", ctimeNs=" + f.ctimeNs() + ", mtimeNs=" + f.mtimeNs() + ", writable=" + f.writable()
                + ", overlay=" + f.overlay() + (known ? ", layer=" + f.layer() : "") + "]";
    }

    private static String arg(ArgValue a) {
        if (a instanceof ArgValue.Bytes b) return "Bytes(" + hex(b.bytes()) + "," + b.truncated() + ")";
        if (a instanceof ArgValue.Path p) return "Path(" + hex(p.raw()) + "," + hex(p.resolved()) + "," + p.truncated() + ")";
        if (a instanceof ArgValue.StrList l) {
            return "StrList(" + list(l.items()) + "," + l.truncated()
                    + (l.cutItems().length > 0 ? ",cut=" + java.util.Arrays.toString(l.cutItems()) : "")
                    + (l.unreadableItems().length > 0 ? ",unreadable=" + java.util.Arrays.toString(l.unreadableItems())
                            + "@" + java.util.Arrays.toString(l.unreadableAddresses()) : "") + ")";
        }
        if (a instanceof ArgValue.SockAddr s) return "SockAddr(" + hex(s.bytes()) + ")";
        if (a instanceof ArgValue.Words w) return "Words(" + Arrays.toString(w.words()) + ")";
        if (a instanceof ArgValue.MsgHdr m) {
            return "MsgHdr(" + m.full() + "," + m.name() + "," + (m.nameBytes() == null ? "null" : hex(m.nameBytes())) + ","
                    + m.namelen() + "," + m.namelenIn() + "," + m.iovAddr() + "," + m.iovlen() + ","
                    + (m.iov() == null ? "null" : arg(m.iov())) + "," + m.control() + "," + m.controllen() + ","
                    + (m.cmsgs() == null ? "null" : Arrays.toString(m.cmsgs())) + "," + m.flags() + ")";
        }
        if (a instanceof ArgValue.MMsgHdrs v) {
            List<String> msgs = new ArrayList<>();
            for (ArgValue.MsgHdr m : v.msgs()) msgs.add(arg(m));
            return "MMsgHdrs(" + v.count() + "," + msgs + "," + Arrays.toString(v.lens()) + "," + v.cutAt() + ")";
        }
        if (a instanceof ArgValue.IoVec v) {
            return "IoVec(" + v.count() + "," + Arrays.toString(v.bases()) + "," + Arrays.toString(v.lengths()) + ","
                    + Arrays.toString(v.captured()) + "," + hex(v.data()) + "," + v.moved() + ")";
        }
        return String.valueOf(a);
    }

    /** As the String list v1's tests printed, with bytes that are not UTF-8 as {@code \xNN}. */
    private static String text(List<byte[]> l) {
        if (l == null) return "null";
        List<String> s = new ArrayList<>();
        for (byte[] b : l) s.add(io.pdig.model.render.ByteText.utf8Text(b));
        return s.toString();
    }

    private static String list(List<byte[]> l) {
        if (l == null) return "null";
        List<String> s = new ArrayList<>();
        for (byte[] b : l) s.add(hex(b));
        return s.toString();
    }

    private static String hex(byte[] b) {
        return b == null ? "null" : HexFormat.of().formatHex(b);
    }

    public static List<String> of(List<? extends Event> events) {
        List<String> l = new ArrayList<>();
        for (Event e : events) l.add(of(e));
        return l;
    }
}
