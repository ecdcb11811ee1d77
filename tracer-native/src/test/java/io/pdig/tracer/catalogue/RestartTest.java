package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.SyscallTable;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalogue G: interrupted and restarted syscalls. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class RestartTest {

    /** G1: SA_RESTART: the program never sees EINTR; the restarted recvfrom returns 0. */
    @Test
    void g1RestartWithSaRestart() throws Exception {
        Traced t = Tracing.program("erestartsys").plus("recvfrom").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("recvfrom rc 0 errno 0 handled 1"), t.output());
        List<SyscallEvent> r = t.syscalls("recvfrom");
        assertFalse(r.isEmpty(), t.describeEvents());
        assertEquals(0, r.get(r.size() - 1).res(), "the completed recvfrom returns 0:\n" + t.describeEvents());
        List<io.pdig.model.event.Event> ev = t.events();
        int alarm = -1;
        for (int i = 0; i < ev.size(); i++) {
            if (ev.get(i) instanceof ProcessEvent.Signal s && s.signo() == 14) alarm = i;
        }
        assertTrue(alarm >= 0, "SIGALRM journalled:\n" + t.describeEvents());
        assertTrue(alarm < ev.indexOf(r.get(r.size() - 1)), "the signal comes before the restarted call completes");
    }

    /** G2: an ignored SIGALRM interrupts nanosleep under ptrace; restart_syscall completes it. */
    @Test
    void g2RestartSyscallAfterInterruptedSleep() throws Exception {
        Traced t = Tracing.program("restart_sleep").plus("nanosleep", "clock_nanosleep", "restart_syscall").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int ms = SignalTest.group(t.output(), "nanosleep rc 0 errno 0 elapsed_ms (\\d+)");
        assertTrue(ms >= 215, "slept the whole time: " + ms);
        List<SyscallEvent> rs = t.syscalls("restart_syscall");
        assertFalse(rs.isEmpty(), "restart_syscall journalled:\n" + t.describeEvents());
        assertEquals(0, rs.get(rs.size() - 1).res());
        assertTrue(t.events(ProcessEvent.Signal.class).stream().anyMatch(s -> s.signo() == 14 && s.code() == 0x80),
                "--- SIGALRM {si_code=SI_KERNEL} ---:\n" + t.describeEvents());
    }

    /** G3: attaching to a process inside nanosleep: the sleep completes, exit_group(0) follows. */
    @Test
    void g3AttachDuringSleep() throws Exception {
        Detached target = Detached.start("sleeper", "1.5");
        target.awaitOutput("ready", 5000);
        Thread.sleep(500);
        Set<String> set = new TreeSet<>(SyscallTable.defaultSet());
        set.addAll(List.of("nanosleep", "clock_nanosleep", "restart_syscall", "exit_group"));
        Traced t = Tracing.attach(target.pid, false, set, target.dir, target.out);
        Termination term = t.await(10_000);
        assertEquals(0, term.exitCode(), term.toString());
        List<SyscallEvent> eg = t.syscalls("exit_group");
        assertEquals(1, eg.size(), t.describeEvents());
        assertEquals(0L, ((ArgValue.Num) eg.get(0).arg("status")).value());
        assertTrue(target.output().contains("done"), target.output());
        for (SyscallEvent e : t.syscalls("restart_syscall")) assertEquals(0, e.res(), t.describeEvents());
    }

    /**
     * G4: repeated attach and detach around a blocked epoll_wait. The catalogue wants no EINTR at
     * all, but the kernel makes a blocked epoll_wait return EINTR on every PTRACE_INTERRUPT
     * (measured on this kernel with a bare SEIZE + INTERRUPT + DETACH loop: one EINTR per
     * interrupt; SEIZE + DETACH alone: none), and a syscall tracer must stop the target once to
     * start and once to detach. So the bound is two per cycle: more means needless interrupts
     * (or a SIGSTOP from PTRACE_ATTACH on top); and the target must keep working afterwards.
     */
    @Test
    void g4AttachDetachCausesNoExtraEintr() throws Exception {
        java.nio.file.Path dir = Detached.newDir();
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        Detached target = Detached.startIn(dir, "epoll_wait", fifo.toString());
        target.awaitOutput("ready", 5000);
        for (int i = 0; i < 20; i++) {
            Traced t = Tracing.attach(target.pid, false, SyscallTable.defaultSet(), dir, target.out);
            Thread.sleep(20);
            t.session.detach();
            assertTrue(t.await(5000).detached());
            t.close();
        }
        try (OutputStream o = Files.newOutputStream(fifo)) {
            o.write('x');
        }
        target.awaitOutput("eintr ", 5000);
        int eintr = SignalTest.group(target.output(), "eintr (\\d+)");
        assertTrue(eintr <= 2 * 20, "at most one EINTR per attach and per detach, got " + eintr);
    }
}
