package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.Termination;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.SyscallTable;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalogue H: attaching to running processes and detaching from them. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class AttachTest {

    private static Map<Integer, Integer> threadTids(String out) {
        Map<Integer, Integer> m = new HashMap<>();
        Matcher x = Pattern.compile("thread (\\d+) tid (\\d+)").matcher(out);
        while (x.find()) m.put(Integer.parseInt(x.group(1)), Integer.parseInt(x.group(2)));
        return m;
    }

    /** H1: all threads are attached; each thread's chdir is journalled under its tid; detach leaves it running. */
    @Test
    void h1AttachMultiThreadedAndDetach() throws Exception {
        java.nio.file.Path dir = Detached.newDir();
        Detached real = Detached.startIn(dir, "mt_wait", dir.toString());
        Tracing.waitUntil("3 threads", 5000, null, () -> threadTids(real.output()).size() == 3);
        Traced t = Tracing.attach(real.pid, true, SyscallTable.defaultSet(), real.dir, real.out);
        Thread.sleep(200);
        for (int i = 0; i < 3; i++) {
            Files.createFile(real.dir.resolve("go." + i));
            real.awaitOutput("thread " + i + " done", 5000);
        }
        Map<Integer, Integer> tids = threadTids(real.output());
        for (int i = 0; i < 3; i++) {
            String name = "x.thread." + i;
            int tid = tids.get(i);
            Tracing.waitUntil("chdir of " + name, 3000, t, () -> !chdirs(t, name).isEmpty());
            List<SyscallEvent> c = chdirs(t, name);
            assertEquals(1, c.size(), t.describeEvents());
            assertEquals(tid, c.get(0).tid(), "attributed to the thread");
            assertEquals(real.pid, c.get(0).pid());
        }
        t.session.detach();
        Termination term = t.await(5000);
        assertTrue(term.detached(), term.toString());
        char s = Procs.state(real.pid);
        assertTrue(s == 'S' || s == 'R', "running or sleeping after detach, state " + s);
        for (int tid : Procs.tasks(real.pid)) assertEquals(0, Procs.tracerPid(real.pid, tid), "task " + tid + " untraced");
        Files.createFile(real.dir.resolve("end"));
        Tracing.waitUntil("target exits after detach", 5000, null, () -> !Procs.alive(real.pid));
        assertTrue(real.output().contains("main done"));
    }

    /** H1: `attach -p` given a non-leader thread's id traces that thread's process, under the process's pid. */
    @Test
    void h1AttachByAThreadIdTracesItsProcess() throws Exception {
        java.nio.file.Path dir = Detached.newDir();
        Detached real = Detached.startIn(dir, "mt_wait", dir.toString());
        Tracing.waitUntil("3 threads", 5000, null, () -> threadTids(real.output()).size() == 3);
        Map<Integer, Integer> tids = threadTids(real.output());
        int threadId = tids.get(1);
        assertTrue(threadId != real.pid);
        Traced t = Tracing.attach(threadId, true, SyscallTable.defaultSet(), real.dir, real.out);
        Thread.sleep(200);
        Files.createFile(real.dir.resolve("go.0"));
        real.awaitOutput("thread 0 done", 5000);
        Tracing.waitUntil("chdir of thread 0", 3000, t, () -> !chdirs(t, "x.thread.0").isEmpty());
        SyscallEvent c = chdirs(t, "x.thread.0").get(0);
        assertEquals(tids.get(0), c.tid(), "another thread of the process is traced too");
        assertEquals(real.pid, c.pid(), "the process's pid, not the thread id given: " + Events.describe(c));
        assertTrue(t.events(io.pdig.model.event.ProcessEvent.Exec.class).stream().allMatch(e -> e.pid() == real.pid),
                t.describeEvents());
        t.session.detach();
        assertTrue(t.await(5000).detached());
        for (int i = 1; i < 3; i++) Files.createFile(real.dir.resolve("go." + i));
        Files.createFile(real.dir.resolve("end"));
        Tracing.waitUntil("target exits after detach", 5000, null, () -> !Procs.alive(real.pid));
    }

    /**
     * H1: a read blocked when the detach comes is reported without a result, not as failed with
     * the ERESTARTSYS that PTRACE_INTERRUPT made it stop with: the kernel restarts it after the
     * detach and the program gets its byte, never an error.
     */
    @Test
    void h1CallBlockedAtDetachIsUnfinishedNotFailed() throws Exception {
        java.nio.file.Path dir = Detached.newDir();
        Detached target = Detached.startIn(dir, "blocked_read", dir.toString());
        target.awaitOutput("ready", 5000);
        Traced t = Tracing.attach(target.pid, false, java.util.Set.of("read", "nanosleep", "clock_nanosleep", "restart_syscall"),
                dir, target.out);
        // The feeder thread's 10 ms sleeps stop every few ms; once one is seen, the attach is complete.
        Tracing.waitUntil("a traced sleep", 5000, t, () -> !t.syscalls("clock_nanosleep").isEmpty()
                || !t.syscalls("nanosleep").isEmpty());
        t.session.detach();
        assertTrue(t.await(5000).detached());
        List<SyscallEvent> reads = t.syscalls("read").stream().filter(e -> e.tid() == target.pid).collect(Collectors.toList());
        assertEquals(1, reads.size(), "the blocked read is reported once: " + t.describeEvents());
        assertTrue(!reads.get(0).hasResult(), "no result: it was still blocked: " + Events.describe(reads.get(0)));
        for (SyscallEvent e : t.events(SyscallEvent.class)) {
            assertTrue(!e.hasResult() || e.res() > -512 || e.res() < -516, "a restart code reported as a result: " + Events.describe(e));
        }
        Files.createFile(dir.resolve("go"));
        target.awaitOutput("read rc 1 errno 0", 5000);
    }

    /** A zombie cannot be traced; the refusal says so rather than blaming permissions. */
    @Test
    void attachToAZombieSaysItHasExited() throws Exception {
        Process holder = new ProcessBuilder("sh", "-c", "sleep 0.05 & echo $!; exec sleep 10").start();
        try {
            int zombie = Integer.parseInt(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine().trim());
            Tracing.waitUntil("the zombie", 5000, null, () -> Procs.state(zombie) == 'Z');
            DriverException e = assertThrows(DriverException.class, () -> Tracing.attach(zombie, false, SyscallTable.defaultSet(), null, null));
            assertTrue(e.getMessage().contains("has exited"), e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /**
     * With children, a descendant that already exited (a zombie its parent has not reaped) is not
     * a descendant to trace: it was reported as "cannot attach ...: Operation not permitted (pdig
     * lacks CAP_SYS_PTRACE, or the target is protected)" although pdig ran as root.
     */
    @Test
    void childrenSkipsAnUnreapedChild() throws Exception {
        java.nio.file.Path dir = Detached.newDir();
        // sh starts a short child, then becomes a long sleep that never reaps it.
        Detached target = Detached.shell(dir, "sleep 0.05 & echo child $!; exec sleep 30");
        target.awaitOutput("child ", 5000);
        int child = Integer.parseInt(target.output().replaceAll("(?s).*child (\\d+).*", "$1"));
        Tracing.waitUntil("the child's zombie", 5000, null, () -> Procs.state(child) == 'Z');
        Traced t = Tracing.attach(target.pid, true, SyscallTable.defaultSet(), dir, target.out);
        List<io.pdig.model.event.NoticeEvent> errors = t.events(io.pdig.model.event.NoticeEvent.class).stream()
                .filter(n -> n.kind() == io.pdig.model.event.NoticeEvent.Kind.TRACER_ERROR).collect(Collectors.toList());
        assertTrue(errors.isEmpty(), t.describeEvents());
        assertEquals(List.of(target.pid), t.events(io.pdig.model.event.ProcessEvent.Exec.class).stream()
                .map(io.pdig.model.event.ProcessEvent.Exec::pid).collect(Collectors.toList()), t.describeEvents());
        t.session.detach();
        assertTrue(t.await(5000).detached());
        assertEquals(0, Procs.tracerPid(target.pid));
    }

    private static List<SyscallEvent> chdirs(Traced t, String name) {
        return t.syscalls("chdir").stream().filter(e -> name.equals(Events.raw(e, "path"))).collect(Collectors.toList());
    }

    /**
     * H1/S11: attaching and detaching while the target creates threads and children all the time:
     * every task created during the attach window is handled, none is left stopped or traced, and
     * the target runs to its normal end.
     */
    @Test
    void h1AttachDuringThreadAndForkChurn() throws Exception {
        Detached target = Detached.start("thread_fork_loop", "400");
        Thread.sleep(100);
        Traced t = Tracing.attach(target.pid, true, SyscallTable.defaultSet(), target.dir, target.out);
        Thread.sleep(300);
        t.session.detach();
        assertTrue(t.await(10_000).detached());
        assertTrue(t.events(io.pdig.model.event.ProcessEvent.Spawn.class).size() > 0, "tasks created while attached are seen");
        target.awaitOutput("threads 400 forks 400", 30_000);
    }

    /** H2: attaching to a process whose leader already exited (zombie leader) still works. */
    @Test
    void h2AttachWithZombieLeader() throws Exception {
        java.nio.file.Path dir = Detached.newDir();
        Detached target = Detached.startIn(dir, "mt_wait", "-l", dir.toString());
        Tracing.waitUntil("3 threads and a zombie leader", 5000, null,
                () -> threadTids(target.output()).size() == 3 && Procs.state(target.pid) == 'Z');
        Traced t = Tracing.attach(target.pid, true, SyscallTable.defaultSet(), dir, target.out);
        Thread.sleep(200);
        // The process snapshot is read through a live thread: the zombie leader's /proc entry
        // has no exe, cmdline or cwd any more.
        List<io.pdig.model.event.ProcessEvent.Exec> execs = t.events(io.pdig.model.event.ProcessEvent.Exec.class);
        assertEquals(1, execs.size(), t.describeEvents());
        io.pdig.model.event.ProcessEvent.Exec snap = execs.get(0);
        assertEquals(target.pid, snap.pid());
        assertEquals(Programs.bin("mt_wait").toRealPath().toString(), new String(snap.exePath(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(Programs.bin("mt_wait").toString(), "-l", dir.toString()),
                snap.argv().stream().map(String::new).collect(Collectors.toList()));
        assertEquals(dir.toRealPath().toString(), new String(snap.cwd(), java.nio.charset.StandardCharsets.UTF_8));
        // So is the session start's snapshot (the launcher's), with the open fds the analyzer needs.
        List<io.pdig.model.event.SessionEvent.ProcessSnapshot> lineage = io.pdig.tracer.ProcessSnapshots.lineage(target.pid, true);
        io.pdig.model.event.SessionEvent.ProcessSnapshot own = lineage.get(lineage.size() - 1);
        assertEquals(target.pid, own.exec().pid());
        assertArrayEquals(snap.exePath(), own.exec().exePath());
        assertEquals(target.out.toRealPath().toString(), new String(own.fds().get(1), java.nio.charset.StandardCharsets.UTF_8),
                "stdout among the fds: " + own.fds().keySet());
        for (int i = 0; i < 3; i++) Files.createFile(dir.resolve("go." + i));
        Termination term = t.await(10_000);
        assertEquals(0, term.exitCode(), term.toString());
        // The unseized leader never reports its exit: the last thread's end ends the process, once.
        List<io.pdig.model.event.ProcessEvent.Exit> ends = t.exits(target.pid);
        assertEquals(1, ends.size(), t.describeEvents());
        assertTrue(!ends.get(0).threadOnly() && ends.get(0).pid() == target.pid && ends.get(0).exitCode() == 0, t.describeEvents());
        List<io.pdig.model.event.ProcessEvent.Exit> all = t.events(io.pdig.model.event.ProcessEvent.Exit.class);
        assertEquals(ends.get(0), all.get(all.size() - 1), "after the threads' exits");
        Map<Integer, Integer> tids = threadTids(target.output());
        for (int i = 0; i < 3; i++) {
            List<SyscallEvent> c = chdirs(t, "x.thread." + i);
            assertEquals(1, c.size(), t.describeEvents());
            assertEquals((int) tids.get(i), c.get(0).tid());
        }
    }

    /** H3: attaching to a process that is already traced is refused with an error. */
    @Test
    void h3AttachToTracedProcessIsRefused() throws Exception {
        Traced first = Tracing.program("sleeper", "30").start();
        first.awaitOutput("ready", 5000);
        DriverException e = assertThrows(DriverException.class,
                () -> Tracing.attach(first.mainPid(), false, SyscallTable.defaultSet(), first.dir, first.out));
        int tracer = Procs.tracerPid(first.mainPid());
        assertTrue(e.getMessage().contains("already") && e.getMessage().contains("traced")
                && e.getMessage().contains(Integer.toString(tracer)), "names the current tracer " + tracer + ": " + e.getMessage());
        assertTrue(Procs.alive(first.mainPid()), "the first session's tracee is unharmed");
        first.session.forwardSignal(15);
        assertEquals(15, first.await(5000).signal());
    }

    /** H4: attaching to this JVM, to one of its threads, or to an ancestor is refused. */
    @Test
    void h4AttachToSelfOrAncestorIsRefused() {
        int self = Procs.selfPid();
        assertThrows(DriverException.class, () -> Tracing.attach(self, false, SyscallTable.defaultSet(), null, null));
        int otherThread = Procs.tasks(self).stream().filter(tid -> tid != self).findFirst().orElseThrow();
        assertThrows(DriverException.class, () -> Tracing.attach(otherThread, false, SyscallTable.defaultSet(), null, null));
        int parent = (int) ProcessHandle.current().parent().orElseThrow().pid();
        DriverException e = assertThrows(DriverException.class,
                () -> Tracing.attach(parent, false, SyscallTable.defaultSet(), null, null));
        assertTrue(e.getMessage().contains(Integer.toString(parent)), e.getMessage());
    }

    /** H5: after attach and detach the target is not left stopped: it keeps ticking. */
    @Test
    void h5DetachDoesNotLeaveTargetStopped() throws Exception {
        Detached target = Detached.start("sleeper", "-t", "30");
        target.awaitOutput("tick 2", 5000);
        for (int i = 0; i < 5; i++) {
            Traced t = Tracing.attach(target.pid, false, SyscallTable.defaultSet(), target.dir, target.out);
            Thread.sleep(50);
            t.session.detach();
            assertTrue(t.await(5000).detached());
            t.close();
        }
        int len = target.output().length();
        Tracing.waitUntil("ticks after detach", 2000, null, () -> target.output().length() > len);
        for (int i = 0; i < 5; i++) {
            char s = Procs.state(target.pid);
            assertTrue(s == 'S' || s == 'R', "not stopped after detach, state " + s);
            Thread.sleep(40);
        }
        assertEquals(0, Procs.tracerPid(target.pid));
    }
}
