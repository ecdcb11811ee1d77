package io.pdig.tracer;

import io.pdig.model.driver.AttachSpec;
import io.pdig.model.driver.DriverException;
import io.pdig.model.event.EventSink;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attach mode: PTRACE_SEIZE every thread of the target (and optionally its descendants), no seccomp
 * filter (a filter can never be removed, so detaching would leave it behind), PTRACE_SYSCALL stops
 * filtered in Java by the requested set. Refusals are decided before anything is seized.
 */
final class AttachTracer extends Tracer {

    private static final long OPTIONS = Ptrace.O_TRACESYSGOOD | Ptrace.O_TRACEFORK | Ptrace.O_TRACEVFORK
            | Ptrace.O_TRACECLONE | Ptrace.O_TRACEEXEC;

    private final AttachSpec spec;

    AttachTracer(AttachSpec spec, TracePolicy policy, EventSink sink, PtraceSession session) {
        super(sink, policy, true, spec.stringLimit(), spec.snapLen(), session);
        this.spec = spec;
    }

    @Override
    protected void setup() throws DriverException {
        int pid = PtraceDriver.processOf(spec.pid());
        refuseIfInvalid(pid);
        mainPid = pid;
        session.mainPid = pid;
        int n = seizeProcess(pid);
        if (n == 0) {
            throw new DriverException("cannot attach to pid " + pid + ": no live thread could be attached");
        }
        if (spec.children()) {
            for (int child : descendants(pid)) {
                // An unreaped child has already exited: nothing to trace, and its seize's EPERM
                // would be reported as a permission problem.
                if (tasks(child).size() <= 1 && isZombie(child)) continue;
                try {
                    seizeProcess(child);
                } catch (DriverException e) {
                    notice(child, child, NoticeEvent.Kind.TRACER_ERROR, e.getMessage());
                }
            }
        }
        session.started();
    }

    /** All threads of one process, rescanning /proc/PID/task until no new thread appears. */
    private int seizeProcess(int pid) throws DriverException {
        int seized = 0;
        boolean grew = true;
        Set<Integer> tried = new TreeSet<>();
        while (grew) {
            grew = false;
            for (int tid : tasks(pid)) {
                if (!tried.add(tid)) continue;
                grew = true;
                long r = lib.pdig_ptrace(Ptrace.SEIZE, tid, 0, OPTIONS);
                if (r < 0) {
                    int err = (int) -r;
                    if (err == Errno.ESRCH) continue; // thread ended meanwhile
                    if (err == Errno.EPERM && tid == pid && tasks(pid).size() > 1 && isZombie(tid)) {
                        unseizedLeaders.add(pid);
                        continue; // exited leader of a live process: cannot be seized, not an error (H2)
                    }
                    if (seized == 0 && tid == pid) {
                        throw new DriverException(refusal(pid, err));
                    }
                    notice(tid, pid, NoticeEvent.Kind.TRACER_ERROR, "cannot attach to thread " + tid + ": " + Errno.message(err));
                    continue;
                }
                ThreadState t = new ThreadState(tid, pid, ThreadState.Phase.AWAITING_FIRST_STOP);
                threads.put(tid, t);
                counters.tracees.incrementAndGet();
                seized++;
                // Stop it so that we can resume it with PTRACE_SYSCALL (SEIZE itself does not stop).
                lib.pdig_ptrace(Ptrace.INTERRUPT, tid, 0, 0);
            }
        }
        if (seized > 0) {
            // The process snapshot stands in for the exec we never saw (formerTid 0 marks it as such).
            emitProcess(ProcReader.execSnapshot(ProcessSnapshots.startTimeNanos(pid, now()), pid, ProcReader.liveEntry(pid), 0, mem,
                    layers, mountNamespaces));
            for (ThreadState t : threads.values()) {
                if (t.pid == pid && !t.announced) {
                    t.announced = true;
                    emitProcess(new ProcessEvent.Spawn(now(), t.tid, t.pid, 0, 0, t.tid != t.pid ? Ptrace.CLONE_THREAD : 0,
                            t.tid != t.pid));
                }
            }
            notice(pid, pid, NoticeEvent.Kind.ATTACHED, "attached to pid " + pid + " (" + seized + " thread" + (seized > 1 ? "s" : "") + ")");
        }
        return seized;
    }

    @Override
    protected void mainEnded() {
        // The target ended; descendants we followed are traced until they end too.
    }

    private static List<Integer> tasks(int pid) {
        List<Integer> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc", Integer.toString(pid), "task"))) {
            for (Path p : ds) {
                try {
                    out.add(Integer.parseInt(p.getFileName().toString()));
                } catch (NumberFormatException ignored) {
                    // not a tid
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static boolean isZombie(int tid) {
        String[] st = ProcReader.statFields(tid);
        return st != null && st.length > 0 && (st[0].equals("Z") || st[0].equals("X"));
    }

    /** Existing descendants of pid (breadth first), from the ppid field of every /proc/N/stat. */
    static List<Integer> descendants(int pid) {
        Map<Integer, List<Integer>> children = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : ds) {
                int n;
                try {
                    n = Integer.parseInt(p.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                String[] st = ProcReader.statFields(n);
                if (st != null && st.length > 1) {
                    children.computeIfAbsent(Integer.parseInt(st[1]), k -> new ArrayList<>()).add(n);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        Deque<Integer> todo = new ArrayDeque<>(children.getOrDefault(pid, List.of()));
        while (!todo.isEmpty()) {
            int c = todo.poll();
            if (out.contains(c)) continue;
            out.add(c);
            todo.addAll(children.getOrDefault(c, List.of()));
        }
        return out;
    }

    /** Refusals that must come before any seize: no such process, ourselves or an ancestor, already traced. */
    static void refuseIfInvalid(int pid) throws DriverException {
        if (pid <= 0) {
            throw new DriverException("invalid pid " + pid);
        }
        String status = ProcReader.status(pid);
        if (status == null) {
            throw new DriverException("no such process: " + pid);
        }
        long self = ProcessHandle.current().pid();
        long tgid = ProcReader.statusLong(pid, "Tgid", pid);
        if (tgid == self) {
            throw new DriverException("refusing to attach to pdig itself (pid " + pid + ")");
        }
        long p = self;
        for (int depth = 0; depth < 4096 && p > 0; depth++) {
            String[] st = ProcReader.statFields((int) p);
            if (st == null || st.length < 2) break;
            p = Long.parseLong(st[1]);
            if (p == tgid) {
                throw new DriverException("refusing to attach to pdig itself: pid " + pid
                        + " is an ancestor of pdig (tracing it would deadlock)");
            }
        }
        long tracer = ProcReader.statusLong(pid, "TracerPid", 0);
        if (tracer != 0) {
            throw new DriverException("cannot attach to pid " + pid + ": already traced by pid " + tracer);
        }
        if (tasks(pid).size() <= 1 && isZombie(pid)) {
            // PTRACE_SEIZE would say EPERM, whose usual causes (capabilities, Yama) mislead here.
            throw new DriverException("cannot attach to pid " + pid + ": it has exited (a zombie its parent has not reaped)");
        }
    }

    /** A one-line diagnosis of a failed PTRACE_SEIZE. */
    static String refusal(int pid, int errno) {
        String base = "cannot attach to pid " + pid + ": " + Errno.message(errno);
        if (errno == Errno.ESRCH) {
            return "no such process: " + pid;
        }
        if (errno != Errno.EPERM) {
            return base;
        }
        long tracer = ProcReader.statusLong(pid, "TracerPid", 0);
        if (tracer != 0) {
            return "cannot attach to pid " + pid + ": already traced by pid " + tracer;
        }
        if (isZombie(pid)) {
            // It exited after the checks before the seize.
            return "cannot attach to pid " + pid + ": it has exited (a zombie its parent has not reaped)";
        }
        byte[] yama = ProcReader.read("/proc/sys/kernel/yama/ptrace_scope", 16);
        if (yama != null) {
            String v = new String(yama, StandardCharsets.US_ASCII).trim();
            if (!v.equals("0")) {
                return base + " (kernel.yama.ptrace_scope=" + v
                        + " restricts ptrace to descendants; run pdig as root or set it to 0)";
            }
        }
        String[] uid = ProcReader.statusField(ProcReader.status(pid), "Uid");
        String[] mine = ProcReader.statusField(ProcReader.status((int) ProcessHandle.current().pid()), "Uid");
        if (uid != null && mine != null && !uid[0].equals(mine[1]) && !mine[1].equals("0")) {
            return base + " (the process belongs to uid " + uid[0] + " and pdig runs as uid " + mine[1] + ")";
        }
        return base + " (pdig lacks CAP_SYS_PTRACE, or the target is protected)";
    }
}
