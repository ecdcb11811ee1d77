package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Catalogue D: fork, vfork, clone and threads are followed and attributed correctly. */
@ExtendWith(LeakCheck.class)
@Timeout(90)
class ForkCloneTest {

    /**
     * Busy threads are all served: 20 threads opening files for 2 s each get about the same number
     * of calls through, and none waits long for one. Taking one stop at a time from waitpid(-1)
     * served the threads at the front of the kernel's list over and over: min 1 call against a
     * max of ~24,000, and a single open that waited 3 s.
     */
    @Test
    void busyThreadsAreServedFairly() throws Exception {
        Traced t = Tracing.program("fair_threads", "20", "2").syscalls(Set.of("openat", "close")).run(30_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        Matcher m = Pattern.compile("threads 20 min (\\d+) median (\\d+) max (\\d+) longest_us (\\d+)").matcher(t.output());
        assertTrue(m.find(), t.output());
        long min = Long.parseLong(m.group(1));
        long median = Long.parseLong(m.group(2));
        long longestUs = Long.parseLong(m.group(4));
        assertTrue(median > 50, "the program made progress: " + m.group());
        assertTrue(min * 4 >= median, "every thread got at least a quarter of the median's calls: " + m.group());
        assertTrue(longestUs < 500_000, "no open+close waited half a second: " + m.group());
    }


    /**
     * A plain fork makes no entry stop: its clone is reported from the fork event, its flags read
     * from the parent's registers, its result the child; with --trace-exits it stops at its entry
     * as before. Either way each clone names a child that has a Spawn event with the same flags.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void plainForksAreReportedFromTheirForkEvent(boolean traceExits) throws Exception {
        Traced t = Tracing.program("bench_create_processes", "3").traceExits(traceExits).run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> clones = t.syscalls("clone");
        assertEquals(3, clones.size(), t.describeEvents());
        for (SyscallEvent c : clones) {
            assertTrue(c.hasResult() && c.res() > 0, Events.describe(c));
            assertEquals(t.mainPid(), c.pid());
            long flags = ((io.pdig.model.event.ArgValue.Num) c.arg("flags")).value();
            assertEquals(17, flags & 0xff, "exit signal SIGCHLD: " + Events.describe(c));
            ProcessEvent.Spawn spawn = t.events(ProcessEvent.Spawn.class).stream().filter(x -> x.tid() == c.res())
                    .findFirst().orElseThrow(() -> new AssertionError("no Spawn of " + c.res() + "\n" + t.describeEvents()));
            assertEquals(t.mainPid(), spawn.parentPid());
            assertEquals(flags, spawn.cloneFlags());
            assertFalse(spawn.thread());
        }
    }

    /** D1/D2: five chdir calls, each under the right pid; vfork keeps its strict order. */
    @ParameterizedTest
    @ValueSource(strings = {"fork", "vfork"})
    void d1d2ChdirAttribution(String how) throws Exception {
        Traced t = Tracing.program("fork_f", how).run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int parent = SignalTest.group(t.output(), "parent (\\d+)");
        int child = SignalTest.group(t.output(), "child (\\d+)");
        assertEquals(t.mainPid(), parent);
        Map<String, SyscallEvent> byPath = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (SyscallEvent e : t.syscalls("chdir")) {
            String p = Events.raw(e, "path");
            assertTrue(byPath.put(p, e) == null, "chdir(" + p + ") journalled twice:\n" + t.describeEvents());
            order.add(p);
            assertEquals(-2, e.res(), "ENOENT for " + p);
            assertEquals(e.pid(), e.tid(), "single-threaded processes");
        }
        assertEquals(Set.of("x.start", "x.child", "x.exec", "x.parent", "x.finish"), byPath.keySet(), t.describeEvents());
        assertEquals(parent, byPath.get("x.start").pid());
        assertEquals(child, byPath.get("x.child").pid());
        assertEquals(child, byPath.get("x.exec").pid());
        assertEquals(parent, byPath.get("x.parent").pid());
        assertEquals(parent, byPath.get("x.finish").pid());
        assertTrue(t.events(ProcessEvent.Exec.class).stream().anyMatch(x -> x.pid() == child),
                "the child's exec is journalled under the child's pid");
        assertTrue(t.events(ProcessEvent.Spawn.class).stream().anyMatch(s -> s.pid() == child && s.parentPid() == parent),
                "spawn of the child by the parent:\n" + t.describeEvents());
        if (how.equals("vfork")) {
            assertEquals(List.of("x.start", "x.child", "x.parent", "x.exec", "x.finish"), order);
        } else {
            assertEquals("x.start", order.get(0));
            assertEquals("x.finish", order.get(4));
            assertTrue(order.indexOf("x.parent") < order.indexOf("x.exec"), order.toString());
        }
    }

    /** D3: a forwarded SIGTERM ends a vfork+exec loop within seconds (no cleanup deadlock). */
    @Test
    void d3SigtermDuringVforkLoop() throws Exception {
        Traced t = Tracing.program("vfork_loop").start();
        t.awaitOutput("ready", 5000);
        Thread.sleep(300);
        t.session.forwardSignal(15);
        Termination term = t.await(10_000);
        assertEquals(15, term.signal(), term.toString());
    }

    /** D3: closing the session during a vfork+exec loop ends everything within seconds. */
    @Test
    void d3CloseDuringVforkLoop() throws Exception {
        Traced t = Tracing.program("vfork_loop").start();
        t.awaitOutput("ready", 5000);
        Thread.sleep(300);
        long t0 = System.nanoTime();
        t.close();
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000, "close() returned within 10 s");
        Tracing.waitUntil("main tracee gone", 5000, t, () -> !Procs.exists(t.mainPid()));
    }

    /** D4: tight pthread_create + fork loop: every new task is followed, none hangs or is lost. */
    @RepeatedTest(2)
    void d4NewTasksInAnyOrder() throws Exception {
        Traced t = Tracing.program("thread_fork_loop", "200").run(60_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<ProcessEvent.Spawn> spawns = t.events(ProcessEvent.Spawn.class);
        long threads = spawns.stream().filter(s -> s.thread() && s.pid() == t.mainPid()).count();
        long forks = spawns.stream().filter(s -> !s.thread() && s.parentPid() == t.mainPid()).count();
        assertEquals(200, threads, "thread spawns");
        assertEquals(200, forks, "process spawns");
    }

    /** D5: threads spinning on a traced syscall are all served (no starvation). */
    @Test
    void d5ManyThreadsSpinning() throws Exception {
        Traced t = Tracing.program("looping_threads", "4", "1500").plus("getuid").run(60_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        Matcher m = Pattern.compile("thread (\\d+) calls (\\d+)").matcher(t.output());
        Map<Integer, Long> perTid = t.syscalls("getuid").stream()
                .collect(Collectors.groupingBy(SyscallEvent::tid, Collectors.counting()));
        int n = 0;
        while (m.find()) {
            n++;
            int tid = Integer.parseInt(m.group(1));
            assertTrue(Long.parseLong(m.group(2)) > 0, "thread " + tid + " made progress:\n" + t.output());
            assertTrue(perTid.getOrDefault(tid, 0L) > 0, "getuid events for thread " + tid + ": " + perTid);
        }
        assertEquals(4, n, t.output());
    }

    /** D6: clone(CLONE_PTRACE) child killed by SIGUSR1: the tracee's wait sees exactly that. */
    @Test
    void d6ClonePtrace() throws Exception {
        Traced t = Tracing.program("clone_ptrace").run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("child killed by SIGUSR1"), t.output());
    }

    /** D7: threads made by glibc's clone3 are followed with the right tid and tgid. */
    @Test
    void d7Clone3Threads() throws Exception {
        Traced t = Tracing.program("threads", "4").run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int pid = t.mainPid();
        Matcher m = Pattern.compile("thread (\\d+) tid (\\d+)").matcher(t.output());
        int n = 0;
        while (m.find()) {
            n++;
            String name = "t." + m.group(1);
            int tid = Integer.parseInt(m.group(2));
            assertTrue(t.events(ProcessEvent.Spawn.class).stream().anyMatch(s -> s.tid() == tid && s.pid() == pid && s.thread()),
                    "thread spawn for tid " + tid + ":\n" + t.describeEvents());
            List<SyscallEvent> opens = t.syscalls("openat").stream().filter(e -> name.equals(Events.raw(e, "name")))
                    .collect(Collectors.toList());
            assertEquals(1, opens.size(), name + " opened once:\n" + t.describeEvents());
            assertEquals(tid, opens.get(0).tid());
            assertEquals(pid, opens.get(0).pid());
        }
        assertEquals(4, n);
        assertFalse(t.syscalls("clone3").isEmpty() && t.syscalls("clone").isEmpty(), "thread creation journalled");
    }

    /** D8: 100 threads exit with pthread_exit: 100 thread exits, process exits 0. */
    @Test
    void d8ThreadExitBookkeeping() throws Exception {
        Traced t = Tracing.program("threads", "100").run(30_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        Set<Integer> tids = new HashSet<>();
        for (ProcessEvent.Exit x : t.events(ProcessEvent.Exit.class)) {
            if (x.pid() == t.mainPid() && x.tid() != t.mainPid()) {
                assertTrue(x.threadOnly(), x.toString());
                tids.add(x.tid());
            }
        }
        assertEquals(100, tids.size(), "thread exits");
        Event last = t.exits(t.mainPid()).get(0);
        assertFalse(((ProcessEvent.Exit) last).threadOnly());
    }
}
