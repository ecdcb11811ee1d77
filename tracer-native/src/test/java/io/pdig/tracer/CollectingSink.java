package io.pdig.tracer;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Test sink: keeps every event, and remembers which thread delivered them. */
final class CollectingSink implements EventSink {
    final List<Event> events = new CopyOnWriteArrayList<>();
    final java.util.Set<String> deliveringThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void accept(Event event) {
        deliveringThreads.add(Thread.currentThread().getName());
        events.add(event);
    }

    List<SyscallEvent> syscalls(String name) {
        List<SyscallEvent> out = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof SyscallEvent s && s.name().equals(name)) out.add(s);
        }
        return out;
    }

    <T extends Event> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    static String str(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    static String resolved(ArgValue v) {
        return v instanceof ArgValue.Path p ? str(p.resolved()) : null;
    }

    static String raw(ArgValue v) {
        return v instanceof ArgValue.Path p ? str(p.raw()) : null;
    }

    static long num(ArgValue v) {
        if (v instanceof ArgValue.Num n) return n.value();
        throw new AssertionError("not a number: " + v);
    }

    String dump() {
        StringBuilder sb = new StringBuilder();
        for (Event e : events) {
            if (e instanceof SyscallEvent s) {
                sb.append(s.tid()).append(' ').append(s.abi()).append(' ').append(s.name()).append('(');
                for (ArgValue a : s.args()) {
                    sb.append(render(a)).append(", ");
                }
                sb.append(") = ").append(s.hasResult() ? Long.toString(s.res()) : "?").append('\n');
            } else if (e instanceof ProcessEvent.Exec x) {
                sb.append(x.tid()).append(" EXEC ").append(str(x.exePath())).append(" former=").append(x.formerTid()).append('\n');
            } else {
                sb.append(e).append('\n');
            }
        }
        return sb.toString();
    }

    static String render(ArgValue a) {
        if (a instanceof ArgValue.Path p) return "\"" + str(p.raw()) + "\"->" + str(p.resolved());
        if (a instanceof ArgValue.Bytes b) return "\"" + str(b.bytes()) + "\"";
        if (a instanceof ArgValue.StrList l) return l.items().stream().map(CollectingSink::str).collect(Collectors.toList()).toString();
        if (a instanceof ArgValue.Num n) return Long.toString(n.value());
        return String.valueOf(a);
    }
}
