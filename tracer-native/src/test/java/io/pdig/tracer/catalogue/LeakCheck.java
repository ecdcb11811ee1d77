package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.fail;

import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each catalogue test: closes every session the test left open, then checks that the
 * tracer leaked nothing:
 * <ul>
 *   <li>every pid the test's sessions reported (main tracee, spawned processes) is gone, apart
 *       from those the test declared as survivors with {@link #survivor} (those it kills here);</li>
 *   <li>no task on the system is still traced by a thread of this JVM;</li>
 *   <li>no non-daemon {@code pdig-tracer*} thread started during the test is still alive;</li>
 *   <li>this JVM's open fd count does not grow from test to test.</li>
 * </ul>
 * Tests run one at a time (JUnit's default), so the static registry belongs to the running test.
 */
final class LeakCheck implements BeforeEachCallback, AfterEachCallback {

    private static final List<Traced> RUNS = new ArrayList<>();
    private static final Set<Integer> SURVIVORS = new HashSet<>();
    private static final Set<Integer> EXTRA_PIDS = new HashSet<>();
    private static final List<Path> TEMP_DIRS = new ArrayList<>();
    /** Fd count after the first test; later tests may not exceed it by more than the slack. */
    private static int fdBaseline = -1;
    private static final int FD_SLACK = 4;

    private Set<Long> threadsBefore = Set.of();

    static synchronized void register(Traced t) {
        RUNS.add(t);
    }

    /** A process the test leaves running on purpose (detached target); killed after the test. */
    static synchronized void survivor(int pid) {
        SURVIVORS.add(pid);
    }

    /** A directory to delete after the test (and after its processes are gone). */
    static synchronized void tempDir(Path dir) {
        TEMP_DIRS.add(dir);
    }

    /** A tracee pid learnt another way (e.g. from a child JVM) that must also be gone. */
    static synchronized void expectGone(int pid) {
        EXTRA_PIDS.add(pid);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        threadsBefore = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) threadsBefore.add(t.getId());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        List<Traced> runs;
        Set<Integer> survivors;
        Set<Integer> extra;
        List<Path> dirs;
        synchronized (LeakCheck.class) {
            dirs = new ArrayList<>(TEMP_DIRS);
            TEMP_DIRS.clear();
            runs = new ArrayList<>(RUNS);
            survivors = new HashSet<>(SURVIVORS);
            extra = new HashSet<>(EXTRA_PIDS);
            RUNS.clear();
            SURVIVORS.clear();
            EXTRA_PIDS.clear();
        }
        List<String> problems = new ArrayList<>();
        // pid -> when it was created (ms since the epoch), to tell our tracee from a later
        // process that got the same pid (other builds run on this machine at the same time).
        Map<Integer, Long> born = new java.util.HashMap<>();
        for (int pid : extra) born.put(pid, -1L);
        for (Traced t : runs) {
            try {
                t.close();
            } catch (RuntimeException e) {
                problems.add("session.close() threw " + e);
            }
            born.putIfAbsent(t.mainPid(), t.startedMillis);
            for (Event e : t.events()) {
                if (e instanceof ProcessEvent.Spawn s && !s.thread()) born.put(s.pid(), s.ts() / 1_000_000);
            }
        }
        Set<Integer> pids = new TreeSet<>(born.keySet());
        for (int pid : survivors) {
            Procs.kill(pid, 9);
        }
        pids.removeAll(survivors);
        pids.remove(Procs.selfPid());

        // Orphans are reaped by init asynchronously, and a closed session may take a moment.
        long end = System.currentTimeMillis() + 5000;
        Set<Integer> left = new TreeSet<>(pids);
        while (true) {
            left.removeIf(p -> !sameProcess(p, born.get(p)));
            if (left.isEmpty() || System.currentTimeMillis() > end) break;
            Thread.sleep(20);
        }
        for (int p : left) {
            problems.add("tracee " + p + " still exists (state " + Procs.state(p) + ", TracerPid " + Procs.tracerPid(p) + ")");
            Procs.kill(p, 9);
        }
        Set<String> traced = Procs.tracedByUs();
        if (!traced.isEmpty()) problems.add("tasks still traced by this JVM: " + traced);

        end = System.currentTimeMillis() + 3000;
        List<String> threads;
        while (true) {
            threads = new ArrayList<>();
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if (t.isAlive() && !t.isDaemon() && t.getName().startsWith("pdig-tracer") && !threadsBefore.contains(t.getId())) {
                    threads.add(t.getName());
                }
            }
            if (threads.isEmpty() || System.currentTimeMillis() > end) break;
            Thread.sleep(20);
        }
        if (!threads.isEmpty()) problems.add("tracer threads still alive: " + threads);

        int fds = Procs.openFds();
        synchronized (LeakCheck.class) {
            if (fdBaseline < 0) {
                fdBaseline = fds;
            } else if (fds > fdBaseline + FD_SLACK) {
                problems.add("open fds grew from " + fdBaseline + " to " + fds + ": " + fdList());
                fdBaseline = fds; // report a leak once, not in every later test
            }
        }
        for (Traced t : runs) deleteTree(t.dir);
        for (Path d : dirs) deleteTree(d);
        if (!problems.isEmpty()) {
            fail("leak check after " + context.getDisplayName() + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** True when pid still names the process created at bornMillis (-1: unknown, any). */
    private static boolean sameProcess(int pid, long bornMillis) {
        long start = Procs.startMillis(pid);
        if (start < 0) return false;
        return bornMillis < 0 || Math.abs(start - bornMillis) < 2000;
    }

    private static String fdList() {
        List<String> r = new ArrayList<>();
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            s.forEach(p -> {
                try {
                    r.add(p.getFileName() + "->" + Files.readSymbolicLink(p));
                } catch (IOException e) {
                    r.add(p.getFileName().toString());
                }
            });
        } catch (IOException e) {
            return "?";
        }
        return r.toString();
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a temp directory left behind is not a test failure
        }
    }
}
