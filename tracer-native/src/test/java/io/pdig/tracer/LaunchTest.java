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
}
