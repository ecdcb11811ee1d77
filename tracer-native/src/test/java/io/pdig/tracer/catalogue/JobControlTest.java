package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ProcessEvent;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalogue C: SIGSTOP, SIGCONT and job control under the tracer. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class JobControlTest {

    private static final int SIGCONT = 18;
    private static final int SIGSTOP = 19;
    private static final int SIGTSTP = 20;

    /** C1: SIGSTOP really stops the tracee (state T, no progress) until SIGCONT. */
    @Test
    void c1SigstopReallyStops() throws Exception {
        Traced t = Tracing.program("sleeper", "-t", "-f", "finish", "30").start();
        t.awaitOutput("tick 3", 5000);
        int pid = t.mainPid();
        Procs.kill(pid, SIGSTOP);
        Tracing.waitUntil("state T after SIGSTOP", 3000, t, () -> Procs.state(pid) == 'T' || Procs.state(pid) == 't');
        Thread.sleep(100);
        int before = t.output().length();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(50);
            char s = Procs.state(pid);
            assertTrue(s == 'T' || s == 't', "still stopped, state " + s);
        }
        assertEquals(before, t.output().length(), "no ticks while stopped:\n" + t.output().substring(before));
        assertTrue(t.events(ProcessEvent.Stopped.class).stream().anyMatch(s -> s.pid() == pid && s.signo() == SIGSTOP),
                "--- stopped by SIGSTOP --- journalled:\n" + t.describeEvents());
        Procs.kill(pid, SIGCONT);
        int after = t.output().length();
        Tracing.waitUntil("ticks after SIGCONT", 3000, t, () -> t.output().length() > after);
        Files.createFile(t.dir.resolve("finish"));
        assertEquals(Termination.exited(0), t.await(10_000), t.output());
    }

    /** C2: a job that handles SIGTSTP runs its handler (once) and completes. */
    @Test
    void c2TstpHandlerRuns() throws Exception {
        Traced t = Tracing.program("tstp", "5").start();
        t.awaitOutput("ready", 5000);
        Procs.kill(t.mainPid(), SIGTSTP);
        Thread.sleep(50);
        Procs.kill(t.mainPid(), SIGCONT);
        assertEquals(Termination.exited(0), t.await(10_000), t.output());
        assertTrue(t.output().contains("handled 1"), t.output());
    }

    /** C3: a stopped member of an orphaned process group gets SIGHUP and dies; no hang. */
    @Test
    void c3StoppedMemberOfOrphanedGroup() throws Exception {
        Traced t = Tracing.program("orphan_pgrp").run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int child = SignalTest.group(t.output(), "child (\\d+)");
        assertTrue(t.events(ProcessEvent.Stopped.class).stream().anyMatch(s -> s.pid() == child && s.signo() == SIGSTOP),
                "child's group-stop journalled:\n" + t.describeEvents());
        assertTrue(t.exits(child).stream().anyMatch(x -> x.signal() == 1),
                "child killed by SIGHUP:\n" + t.describeEvents());
        assertTrue(t.events(ProcessEvent.Signal.class).stream().anyMatch(s -> s.pid() == child && s.signo() == 1 && s.code() == 0x80),
                "--- SIGHUP {si_code=SI_KERNEL} --- for the child:\n" + t.describeEvents());
    }

    /** C4: detaching from a stopped process leaves it stopped. */
    @Test
    void c4DetachLeavesStoppedProcessStopped() throws Exception {
        Detached target = Detached.start("sleeper", "-t", "30");
        target.awaitOutput("tick 2", 5000);
        Procs.kill(target.pid, SIGSTOP);
        Tracing.waitUntil("target stopped", 3000, null, () -> Procs.state(target.pid) == 'T');
        Traced t = Tracing.attach(target.pid, false, io.pdig.model.syscall.SyscallTable.defaultSet(), target.dir, target.out);
        Thread.sleep(300);
        t.session.detach();
        Termination term = t.await(5000);
        assertTrue(term.detached(), term.toString());
        Thread.sleep(200);
        assertEquals('T', Procs.state(target.pid), "still group-stopped after detach");
        assertEquals(0, Procs.tracerPid(target.pid));
        int len = target.output().length();
        Procs.kill(target.pid, SIGCONT);
        Tracing.waitUntil("target runs after SIGCONT", 3000, null, () -> target.output().length() > len);
    }
}
