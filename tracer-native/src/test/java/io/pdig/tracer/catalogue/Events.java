package io.pdig.tracer.catalogue;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small readers over events and argument values, for assertions and failure messages. */
final class Events {

    private Events() {
    }

    /** Raw bytes of a path or string argument, or null when it is not one. */
    static byte[] rawBytes(ArgValue v) {
        if (v instanceof ArgValue.Path p) return p.raw();
        if (v instanceof ArgValue.Bytes b) return b.bytes();
        return null;
    }

    /** ISO-8859-1 view of a path argument's raw bytes (one char per byte), or null. */
    static String raw(SyscallEvent e, String arg) {
        byte[] b = rawBytes(e.arg(arg));
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    /** ISO-8859-1 view of a path argument's resolved bytes, or null. */
    static String resolved(SyscallEvent e, String arg) {
        return e.arg(arg) instanceof ArgValue.Path p && p.resolved() != null
                ? new String(p.resolved(), StandardCharsets.ISO_8859_1) : null;
    }

    static List<String> strings(List<byte[]> items) {
        List<String> r = new ArrayList<>();
        for (byte[] b : items) r.add(new String(b, StandardCharsets.ISO_8859_1));
        return r;
    }

    static String describe(Event e) {
        if (e instanceof SyscallEvent s) {
            StringBuilder b = new StringBuilder();
            b.append(s.pid()).append('/').append(s.tid()).append(' ').append(s.abi()).append(' ').append(s.name()).append('(');
            for (int i = 0; i < s.args().length; i++) {
                if (i > 0) b.append(", ");
                b.append(describe(s.args()[i]));
            }
            b.append(')').append(s.hasResult() ? " = " + s.res() : " = ?");
            return b.toString();
        }
        if (e instanceof ProcessEvent.Exec x) {
            return x.pid() + "/" + x.tid() + " EXEC former=" + x.formerTid() + " exe="
                    + new String(x.exePath(), StandardCharsets.ISO_8859_1) + " argv=" + strings(x.argv());
        }
        return e.toString();
    }

    static String describe(ArgValue v) {
        if (v == null) return "<none>";
        if (v instanceof ArgValue.Num n) return Long.toString(n.value());
        if (v instanceof ArgValue.Path p) {
            return "\"" + escape(p.raw()) + "\"" + (p.truncated() ? "..." : "")
                    + (p.resolved() != null ? "<" + escape(p.resolved()) + ">" : "<?>");
        }
        if (v instanceof ArgValue.Bytes b) return "\"" + escape(b.bytes()) + "\"" + (b.truncated() ? "..." : "");
        if (v instanceof ArgValue.StrList l) return l.items().size() + " items" + (l.truncated() ? "..." : "");
        if (v instanceof ArgValue.Unreadable u) return "0x" + Long.toHexString(u.address()) + "<errno " + u.errno() + ">";
        if (v instanceof ArgValue.Null) return "NULL";
        return v.toString();
    }

    /** strace -x style: printable ASCII as is, everything else as \xNN; long strings shortened. */
    static String escape(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length && i < 200; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') s.append((char) c);
            else s.append(String.format("\\x%02x", c));
        }
        if (b.length > 200) s.append("...(").append(b.length).append(" bytes)");
        return s.toString();
    }
}
