package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LaunchTest {

    static LaunchSpec spec(Set<String> syscalls, String... cmd) {
        return new LaunchSpec(List.of(cmd), null, null, syscalls, false, false, 4096, true);
    }

    static Termination run(LaunchSpec spec, CollectingSink sink) throws Exception {
        try (TraceSession s = new PtraceDriver().launch(spec, sink)) {
            return s.awaitTermination();
        }
    }

    @Test
    void catOfEtcHostnameShowsTheOpenWithFlagsFdAndResolvedPath() throws Exception {
        CollectingSink sink = new CollectingSink();
        Termination t = run(spec(Set.of("openat", "execve", "close", "read"), "/bin/cat", "/etc/hostname"), sink);
        assertEquals(Termination.exited(0), t, sink.dump());
        SyscallEvent open = sink.syscalls("openat").stream()
                .filter(e -> "/etc/hostname".equals(CollectingSink.raw(e.arg("name")))).findFirst()
                .orElseThrow(() -> new AssertionError(sink.dump()));
        assertTrue(open.hasResult());
        assertTrue(open.res() >= 3, "fd result " + open.res());
        assertEquals(-100, CollectingSink.num(open.arg("dirfd")));
        assertEquals(0, CollectingSink.num(open.arg("flags")) & 3, "O_RDONLY");
        assertEquals("/etc/hostname", CollectingSink.resolved(open.arg("name")));
        assertEquals(Abi.X86_64, open.abi());
        // close is SKIP_EXIT: reported from its entry only
        assertFalse(sink.syscalls("close").isEmpty());
        assertTrue(sink.syscalls("close").stream().noneMatch(SyscallEvent::hasResult));
        // the exec event and the execve syscall with its result
        ProcessEvent.Exec exec = sink.of(ProcessEvent.Exec.class).get(0);
        assertEquals("/usr/bin/cat", CollectingSink.str(exec.exePath()));
        assertEquals("/etc/hostname", CollectingSink.str(exec.argv().get(1)));
        SyscallEvent execve = sink.syscalls("execve").get(0);
        assertEquals(0, execve.res());
        assertEquals("/bin/cat", CollectingSink.raw(execve.arg("filename")));
        ArgValue.StrList argv = (ArgValue.StrList) execve.arg("args");
        assertEquals("/etc/hostname", CollectingSink.str(argv.items().get(1)));
        assertEquals(Set.of("pdig-tracer"), sink.deliveringThreads);
    }

    /**
     * The exec event carries the new image's memory as the exec stop found it, before the program
     * ran: less than the same process maps once its dynamic loader has mapped libc.
     */
    @Test
    void theExecCarriesTheNewImagesMemoryBeforeItRan() throws Exception {
        CollectingSink sink = new CollectingSink();
        try (TraceSession s = new PtraceDriver().launch(spec(Set.of("execve"), "/bin/sleep", "2"), sink)) {
            ProcessEvent.Exec exec = null;
            for (int i = 0; i < 500 && exec == null; i++) {
                List<ProcessEvent.Exec> execs = sink.of(ProcessEvent.Exec.class);
                if (execs.isEmpty()) Thread.sleep(10);
                else exec = execs.get(0);
            }
            assertNotNull(exec, sink.dump());
            ProcessEvent.Memory m = exec.memory();
            assertNotNull(m, exec.toString());
            assertTrue(m.sizeKb() > 0 && m.rssKb() > 0 && m.rssKb() <= m.sizeKb() && m.swapKb() >= 0, m.toString());
            Thread.sleep(300); // sleep is in its nanosleep by now
            String status = ProcReader.status(exec.pid());
            long later = Long.parseLong(ProcReader.statusField(status, "VmSize")[0]);
            assertTrue(m.sizeKb() < later, "at the exec stop " + m + ", once running VmSize " + later);
            assertEquals(Termination.exited(0), s.awaitTermination(), sink.dump());
        }
    }

    /** With every syscall traced, the command's first call is its execve: pdig's own set-up before it is not shown. */
    @Test
    void theTraceStartsWithTheCommandsExecve() throws Exception {
        CollectingSink sink = new CollectingSink();
        Set<String> all = new java.util.TreeSet<>();
        io.pdig.model.syscall.SyscallTable.all().forEach(r -> all.add(r.name()));
        Termination t = run(new LaunchSpec(List.of("/bin/true"), null, null, all, false, false, 4096, true, true, null), sink);
        assertEquals(Termination.exited(0), t, sink.dump());
        List<SyscallEvent> calls = sink.of(SyscallEvent.class);
        assertFalse(calls.isEmpty(), sink.dump());
        assertEquals("execve", calls.get(0).name(), sink.dump());
    }

    @Test
    void exitCodesAreMirrored() throws Exception {
        assertEquals(Termination.exited(0), run(spec(Set.of(), "/bin/true"), new CollectingSink()));
        assertEquals(Termination.exited(1), run(spec(Set.of(), "/bin/false"), new CollectingSink()));
        assertEquals(Termination.exited(42), run(spec(Set.of("openat"), "/bin/sh", "-c", "exit 42"), new CollectingSink()));
    }

    @Test
    void deathBySignalIsTheTermination() throws Exception {
        CollectingSink sink = new CollectingSink();
        Termination t = run(spec(Set.of("kill"), "/bin/sh", "-c", "kill -TERM $$"), sink);
        assertEquals(Termination.killed(15, false), t);
        assertTrue(sink.of(ProcessEvent.Signal.class).stream().anyMatch(s -> s.signo() == 15), sink.dump());
    }

    /**
     * Polling for the next stop (pdig.tracer.spinMicros) changes only how the tracer waits: with it
     * off, the same program gives the same syscalls. Off with the tracee pinned to the tracer's CPU.
     */
    @Test
    void pollingForStopsIsAWaitingStrategyOnly() throws Exception {
        assertEquals(Runtime.getRuntime().availableProcessors() >= 2 ? Tracer.DEFAULT_SPIN_MICROS * 1000 : 0, Tracer.spinNanos());
        java.util.Map<Boolean, List<String>> seen = new java.util.HashMap<>();
        for (boolean polling : new boolean[] {true, false}) {
            if (!polling) System.setProperty(Tracer.SPIN_PROPERTY, "0");
            try {
                if (!polling) assertEquals(0, Tracer.spinNanos());
                CollectingSink sink = new CollectingSink();
                assertEquals(Termination.exited(0), run(spec(Set.of("openat", "close", "execve"), "/bin/cat", "/etc/hostname"), sink));
                seen.put(polling, sink.syscalls("openat").stream().map(e -> CollectingSink.raw(e.arg("name")) + " = " + (e.res() >= 0))
                        .collect(java.util.stream.Collectors.toList()));
            } finally {
                System.clearProperty(Tracer.SPIN_PROPERTY);
            }
        }
        assertEquals(seen.get(true), seen.get(false));
        assertTrue(seen.get(true).contains("/etc/hostname = true"), seen.toString());
        System.setProperty(LaunchTracer.PIN_PROPERTY, "true");
        try {
            assertEquals(0, Tracer.spinNanos(), "pinned: polling would keep the tracee off its only CPU");
        } finally {
            System.clearProperty(LaunchTracer.PIN_PROPERTY);
        }
    }
}
