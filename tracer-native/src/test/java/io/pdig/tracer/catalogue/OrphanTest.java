package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalogue F: orphans, daemons, zombies and pid churn. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class OrphanTest {

    /** F1: a double-forked daemon is still followed after its parents exit. */
    @Test
    void f1DoubleForkDaemonIsFollowed() throws Exception {
        long t0 = System.nanoTime();
        Traced t = Tracing.program("daemon", "800").waitForOrphans(true).run(15_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int gc = SignalTest.group(t.output(), "grandchild (\\d+)");
        assertTrue(ms >= 700, "session waited for the daemon (" + ms + " ms)");
        assertEquals(Integer.toString(gc), Files.readString(t.dir.resolve("daemon.out")).trim());
        List<SyscallEvent> opens = t.syscalls("openat").stream()
                .filter(e -> "daemon.out".equals(Events.raw(e, "name"))).collect(Collectors.toList());
        assertEquals(1, opens.size(), "the daemon's open is journalled:\n" + t.describeEvents());
        assertEquals(gc, opens.get(0).pid());
        assertTrue(t.events(ProcessEvent.Spawn.class).stream().anyMatch(s -> s.pid() == gc), "daemon's spawn");
        assertEquals(0, t.exits(gc).get(0).exitCode());
    }

    /** F2: the real parent still reaps its child's status 42; no zombie stays behind. */
    @Test
    void f2RealParentGetsStatus() throws Exception {
        Traced t = Tracing.program("zombie").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int child = SignalTest.group(t.output(), "child (\\d+) status 42");
        assertFalse(Procs.exists(child), "child reaped");
        assertEquals(42, t.exits(child).get(0).exitCode());
    }

    /** F3: PR_SET_PDEATHSIG fires under tracing as it does without. */
    @Test
    void f3ParentDeathSignal() throws Exception {
        Traced t = Tracing.program("pdeathsig").waitForOrphans(true).run(4_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int child = SignalTest.group(t.output(), "child (\\d+)");
        assertFalse(t.output().contains("child survived"), t.output());
        List<ProcessEvent.Exit> exits = t.exits(child);
        assertEquals(1, exits.size(), t.describeEvents());
        assertEquals(15, exits.get(0).signal(), "child killed by SIGTERM");
    }

    /** F4: pid churn: every exec is attributed to a pid that was spawned and then exits. */
    @Test
    void f4PidChurn() throws Exception {
        Traced t = Tracing.program("churn", "200").run(60_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("ran 200 ok 200"), t.output());
        Set<Integer> spawned = t.events(ProcessEvent.Spawn.class).stream().filter(s -> !s.thread())
                .map(ProcessEvent.Spawn::pid).collect(Collectors.toSet());
        List<ProcessEvent.Exec> trues = t.events(ProcessEvent.Exec.class).stream()
                .filter(x -> Events.strings(x.argv()).equals(List.of("true"))).collect(Collectors.toList());
        assertEquals(200, trues.size(), "one exec per child");
        Set<Integer> pids = new HashSet<>();
        for (ProcessEvent.Exec x : trues) {
            assertTrue(spawned.contains(x.pid()), "exec in a spawned pid " + x.pid());
            pids.add(x.pid());
            List<ProcessEvent.Exit> exits = t.exits(x.pid());
            assertFalse(exits.isEmpty(), "exit of " + x.pid());
            assertEquals(0, exits.get(exits.size() - 1).exitCode());
        }
        assertEquals(200, pids.size(), "distinct pids");
    }
}
