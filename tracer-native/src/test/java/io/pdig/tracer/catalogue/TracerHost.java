package io.pdig.tracer.catalogue;

import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import io.pdig.model.syscall.SyscallTable;
import io.pdig.tracer.PtraceDriver;
import java.nio.file.Path;
import java.util.List;

/**
 * A tracer in its own JVM, so tests can kill the tracer (catalogue I) without killing the test
 * JVM. Usage: {@code TracerHost failOpen(true|false) DIR OUTFILE PROGRAM ARGS...}. Prints
 * "PID n" once the tracee runs and "TERM exit sig" when the session ends.
 */
public final class TracerHost {

    private TracerHost() {
    }

    public static void main(String[] args) throws Exception {
        boolean failOpen = Boolean.parseBoolean(args[0]);
        Path dir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<String> cmd = List.of(args).subList(3, args.length);
        EventSink sink = new EventSink() {
            @Override
            public void accept(Event event) {
                // events are not needed: the test judges by the tracee's own output
            }
        };
        LaunchSpec spec = new LaunchSpec(Tracing.shellWrapped(cmd, out), dir, null, SyscallTable.defaultSet(),
                failOpen, false, 4096, true);
        try (TraceSession s = new PtraceDriver().launch(spec, sink)) {
            System.out.println("PID " + s.mainPid());
            System.out.flush();
            Termination t = s.awaitTermination();
            System.out.println("TERM " + t.exitCode() + " " + t.signal());
            System.out.flush();
        }
    }
}
