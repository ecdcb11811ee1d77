package io.pdig.launcher.wiring;

import io.pdig.model.consts.Errno;
import io.pdig.model.consts.ProcessConsts;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import io.pdig.model.event.SyscallEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Explains, once per session, why a debugger or tracer run under pdig fails. A process has one
 * tracer, and pdig is already the tracer of every process it follows: their PTRACE_TRACEME fails
 * with EPERM, and so does a PTRACE_ATTACH or PTRACE_SEIZE of another of them (a debugger's own
 * child). gdb says only "ptrace: Operation not permitted", strace "PTRACE_TRACEME: Operation not
 * permitted" - the same as under strace -f, whose users know the cause; pdig's may not.
 *
 * <p>Only a refusal that pdig's tracing explains is noted: TRACEME by a tracee (always already
 * traced), or ATTACH/SEIZE of a process whose tracer is a thread of this pdig. An attach to a process outside
 * the session, refused for another reason (Yama, another uid), is the debugger's own business.
 * Seen only when ptrace is traced (it is in the default set). Confined to the event thread.
 */
final class NestedPtraceNote implements EventSink {
    private static final int EPERM = Errno.value("EPERM");

    private final Consumer<String> say;
    private boolean said;

    /** {@code say} prints one line (without the "pdig: " prefix). */
    NestedPtraceNote(Consumer<String> say) {
        this.say = say;
    }

    @Override
    public void accept(Event event) {
        if (said || !(event instanceof SyscallEvent s) || !s.hasResult() || s.res() != -EPERM || !"ptrace".equals(s.name())) {
            return;
        }
        String request = ProcessConsts.PTRACE_REQUESTS.name(number(s.arg("request")));
        String refused;
        if ("PTRACE_TRACEME".equals(request)) {
            refused = "could not become traced (ptrace PTRACE_TRACEME: EPERM)";
        } else if ("PTRACE_ATTACH".equals(request) || "PTRACE_SEIZE".equals(request)) {
            long target = number(s.arg("pid"));
            if (target <= 0 || !isThreadOfPdig(tracerOf(target))) return;
            refused = "could not trace process " + target + " (ptrace " + request + ": EPERM)";
        } else {
            return;
        }
        said = true;
        say.accept("note: process " + s.pid() + commOf(s.pid()) + " " + refused + ": pdig is already the tracer of every"
                + " process it follows, and a process can have only one, so debuggers and tracers (gdb, strace) cannot"
                + " trace programs under pdig");
    }

    private static long number(ArgValue v) {
        return v instanceof ArgValue.Num n ? n.value() : -1;
    }

    /** TracerPid names the tracing thread (pdig's tracer thread), not its process. */
    private static boolean isThreadOfPdig(long tid) {
        return tid > 0 && Files.exists(Path.of("/proc/self/task", Long.toString(tid)));
    }

    /** TracerPid of {@code pid} from /proc, or -1 when it cannot be read (the process is gone). */
    private static long tracerOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("TracerPid:")) return Long.parseLong(line.substring("TracerPid:".length()).trim());
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or unreadable: not known to be ours
        }
        return -1;
    }

    /** " (comm)" of a live process, or "" when gone. */
    private static String commOf(long pid) {
        try {
            return " (" + Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.ISO_8859_1).strip() + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
