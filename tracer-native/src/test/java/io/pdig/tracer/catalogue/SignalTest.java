package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ProcessEvent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalogue B: signals forwarded to, sent to and raised by the tracee. */
@ExtendWith(LeakCheck.class)
@Timeout(90)
class SignalTest {

    private static final int SIGINT = 2;
    private static final int SIGTERM = 15;

    /** B1: a forwarded SIGTERM kills the tracee; the session reports death by SIGTERM. */
    @Test
    void b1ForwardedSigtermKillsTracee() throws Exception {
        Traced t = Tracing.program("sleeper", "30").plus("nanosleep", "clock_nanosleep").start();
        t.awaitOutput("ready", 5000);
        t.session.forwardSignal(SIGTERM);
        Termination term = t.await(5000);
        assertEquals(SIGTERM, term.signal(), term.toString());
        // strace-DD.test: the sleep in progress is journalled as unfinished ("= ?") or as
        // interrupted (ERESTART_RESTARTBLOCK, 516), never as a normal result.
        List<io.pdig.model.event.SyscallEvent> sleeps = t.events(io.pdig.model.event.SyscallEvent.class).stream()
                .filter(e -> e.name().endsWith("nanosleep")).collect(Collectors.toList());
        assertTrue(!sleeps.isEmpty(), t.describeEvents());
        io.pdig.model.event.SyscallEvent last = sleeps.get(sleeps.size() - 1);
        assertTrue(!last.hasResult() || last.res() == -516, "the interrupted sleep: " + Events.describe(last));
        assertTrue(t.events(ProcessEvent.Signal.class).stream().anyMatch(s -> s.pid() == t.mainPid() && s.signo() == SIGTERM),
                "--- SIGTERM --- journalled:\n" + t.describeEvents());
        assertEquals(SIGTERM, t.exits(t.mainPid()).get(0).signal());
    }

    /** B2: a tracee that ignores SIGTERM keeps running after the forward and exits 0 itself. */
    @Test
    void b2TraceeIgnoringSigtermSurvivesForward() throws Exception {
        Traced t = Tracing.program("sleeper", "-i", "15", "1").start();
        t.awaitOutput("ready", 5000);
        t.session.forwardSignal(SIGTERM);
        Termination term = t.await(10_000);
        assertEquals(Termination.exited(0), term, t.output());
        assertTrue(t.output().contains("done"), t.output());
    }

    /** B3: a forwarded SIGINT runs the tracee's handler exactly once; the tracee exits 3. */
    @Test
    void b3ForwardedSigintRunsHandlerOnce() throws Exception {
        Traced t = Tracing.program("sleeper", "-c", "2", "30").start();
        t.awaitOutput("ready", 5000);
        t.session.forwardSignal(SIGINT);
        Termination term = t.await(10_000);
        assertEquals(Termination.exited(3), term, t.output());
        assertTrue(t.output().contains("handled 1 times"), t.output());
    }

    /** B3: SIGINT from outside (as a tty sends it to the group) reaches the handler once. */
    @Test
    void b3DirectSigintRunsHandlerOnce() throws Exception {
        Traced t = Tracing.program("sleeper", "-c", "2", "30").start();
        t.awaitOutput("ready", 5000);
        Procs.kill(t.mainPid(), SIGINT);
        Termination term = t.await(10_000);
        assertEquals(Termination.exited(3), term, t.output());
        assertTrue(t.output().contains("handled 1 times"), t.output());
        List<ProcessEvent.Signal> sigs = t.events(ProcessEvent.Signal.class).stream()
                .filter(s -> s.signo() == SIGINT).collect(Collectors.toList());
        assertEquals(1, sigs.size(), "one SIGINT delivery:\n" + t.describeEvents());
    }

    /**
     * B4: the tracee gets the blocked and ignored sets the launcher inherited (passed to the
     * driver as PDIG_ORIG_SIGMASK / PDIG_ORIG_SIGIGN, as the pdig script does), not the JVM's.
     * Runs the tracer in a child JVM so the environment can be set.
     */
    @Test
    void b4InheritedDispositionsReachTracee() throws Exception {
        try (HostJvm host = HostJvm.start(false, java.util.Map.of("PDIG_ORIG_SIGIGN", "0000000000000001",
                "PDIG_ORIG_SIGMASK", "0000000000000200"), "sigstate")) {
            assertEquals(0, host.awaitHost(30_000), host.output());
            assertTrue(host.output().contains("SigIgn 0000000000000001"), "SIGHUP ignored:\n" + host.output());
            assertTrue(host.output().contains("SigBlk 0000000000000200"), "SIGUSR1 blocked:\n" + host.output());
        }
        try (HostJvm host = HostJvm.start(false, java.util.Map.of("PDIG_ORIG_SIGIGN", "0000000000000000",
                "PDIG_ORIG_SIGMASK", "0000000000000000"), "sigstate")) {
            assertEquals(0, host.awaitHost(30_000), host.output());
            assertTrue(host.output().contains("SigIgn 0000000000000000"), "nothing of the JVM's ignored:\n" + host.output());
            assertTrue(host.output().contains("SigBlk 0000000000000000"), "nothing of the JVM's blocked:\n" + host.output());
        }
    }

    /** B5: each handler runs once with SI_USER and our pid; each delivery is journalled once. */
    @Test
    void b5SiginfoIsPreserved() throws Exception {
        Traced t = Tracing.program("siginfo").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int pid = t.mainPid();
        for (int sig : new int[] {2, 15, 10, 17, 14}) {
            assertTrue(t.output().contains("sig " + sig + " hits 1 code 0 pid " + pid),
                    "handler for " + sig + " ran once with SI_USER from " + pid + ":\n" + t.output());
            List<ProcessEvent.Signal> ev = t.events(ProcessEvent.Signal.class).stream()
                    .filter(s -> s.signo() == sig && s.pid() == pid).collect(Collectors.toList());
            assertEquals(1, ev.size(), "signal " + sig + " journalled once:\n" + t.describeEvents());
            assertEquals(0, ev.get(0).code(), "si_code SI_USER");
            assertEquals(pid, ev.get(0).sender(), "si_pid");
            assertEquals(0, ev.get(0).senderUid(), "si_uid (tests run as root)");
        }
    }

    /** B7: fork + immediate SIGKILL, 500 times: no crash, no hang, every child journalled. */
    @Test
    void b7RepeatedSigkillOfFreshChildren() throws Exception {
        Traced t = Tracing.program("kill_child", "500").run(80_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("killed 500 of 500"), t.output());
        long killed = t.events(ProcessEvent.Exit.class).stream()
                .filter(x -> x.pid() != t.mainPid() && x.signal() == 9).count();
        assertEquals(500, killed, "an exit by SIGKILL for every child");
        long spawns = t.events(ProcessEvent.Spawn.class).stream().filter(s -> !s.thread() && s.parentPid() == t.mainPid()).count();
        assertEquals(500, spawns, "a spawn for every child");
    }

    static int group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "/" + regex + "/ in:\n" + text);
        return Integer.parseInt(m.group(1));
    }

    static boolean noneAlive(List<Integer> pids) {
        return pids.stream().noneMatch(Procs::alive);
    }

    static void assertGone(int pid) {
        assertFalse(Procs.alive(pid), "pid " + pid + " is still alive");
    }
}
