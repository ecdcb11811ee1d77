package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What signals to `pdig attach` do to the target, with a real ./pdig and a real target (a thread
 * blocked in read plus idle threads, test-programs' blocked_read): whenever pdig detaches or
 * dies, the target runs on, untraced and not stopped, and its blocked read still gets its byte.
 */
@Timeout(200)
class AttachSignalsTest {

    private static final Path ROOT = Path.of(System.getProperty("pdig.repo.root"));

    /**
     * A SIGINT that comes while pdig is still seizing the threads detaches once the attach is
     * done. pdig starts here with SIGINT ignored, as a script's `pdig attach ... &` does: before
     * the handler was installed ahead of the seize, such a signal was lost and pdig traced on.
     */
    @Test
    void sigintDuringTheSeizeDetaches(@TempDir Path dir) throws Exception {
        Process target = startTarget(dir, 300);
        try {
            Process pdig = new ProcessBuilder("sh", "-c", "trap '' INT; exec \"$0\" attach -p " + target.pid() + " --no-rules --no-journal",
                    ROOT.resolve("pdig").toString()).redirectOutput(dir.resolve("out").toFile())
                    .redirectError(dir.resolve("err").toFile()).start();
            try {
                // The first thread seized (the leader) shows a tracer; 300 more are still to come.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (tracerPid(target.pid(), target.pid()) == 0 && System.nanoTime() < deadline) Thread.sleep(1);
                assertTrue(tracerPid(target.pid(), target.pid()) != 0, "never attached: " + Files.readString(dir.resolve("err")));
                assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(pdig.pid())).start().waitFor());
                assertTrue(pdig.waitFor(30, TimeUnit.SECONDS), "pdig did not detach on the SIGINT: " + Files.readString(dir.resolve("err")));
                assertEquals(130, pdig.exitValue(), Files.readString(dir.resolve("err")));
            } finally {
                pdig.destroyForcibly().waitFor();
            }
            assertRunsOnUntraced(dir, target);
        } finally {
            target.destroyForcibly().waitFor();
        }
    }

    /**
     * A target that ends while attached gives pdig its status: its exit code, or 128+N when
     * signal N killed it (pdig is not its parent and does not die by that signal, unlike `run`).
     */
    @Test
    void attachExitsWithTheTargetsStatus(@TempDir Path dir) throws Exception {
        assertEquals(3, attachUntilTheEnd(dir, "exit 3"));
        assertEquals(128 + 15, attachUntilTheEnd(dir, "kill -TERM $$; sleep 5"));
    }

    /**
     * Runs `sh -c 'wait for a go file; ENDING'`, attaches to it, and once pdig traces it creates
     * the go file, so the ending happens under pdig however long pdig takes to start (a fixed
     * "sleep 1" lost that race on a loaded machine); returns pdig's status.
     */
    private static int attachUntilTheEnd(Path dir, String ending) throws Exception {
        Path go = dir.resolve("go");
        Files.deleteIfExists(go);
        Process target = new ProcessBuilder("sh", "-c", "while [ ! -e \"$0\" ]; do sleep 0.02; done; " + ending, go.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("target.out").toFile()).start();
        try {
            Process pdig = new ProcessBuilder(ROOT.resolve("pdig").toString(), "attach", "-p", Long.toString(target.pid()),
                    "--no-rules", "--no-journal")
                    .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tracerPid(target.pid(), target.pid()) == 0 && pdig.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(tracerPid(target.pid(), target.pid()) != 0, "never attached: " + Files.readString(dir.resolve("err")));
            Files.createFile(go);
            assertTrue(pdig.waitFor(60, TimeUnit.SECONDS), "pdig did not end with its target: " + Files.readString(dir.resolve("err")));
            return pdig.exitValue();
        } finally {
            target.destroyForcibly().waitFor();
        }
    }

    /**
     * pdig killed by SIGKILL while attached: there is no PTRACE_O_EXITKILL in attach mode, so the
     * kernel detaches the target, which runs on (unlike a `pdig run` command, killed fail-closed).
     */
    @Test
    void sigkillOfPdigLeavesTheTargetRunning(@TempDir Path dir) throws Exception {
        Process target = startTarget(dir, 3);
        try {
            Process pdig = new ProcessBuilder(ROOT.resolve("pdig").toString(), "attach", "-p", Long.toString(target.pid()),
                    "--no-rules", "--no-journal")
                    .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!allTraced(target.pid()) && System.nanoTime() < deadline) Thread.sleep(20);
                assertTrue(allTraced(target.pid()), "not every thread attached: " + Files.readString(dir.resolve("err")));
                Thread.sleep(300); // the feeder's 10 ms sleeps keep passing through ptrace stops
            } finally {
                pdig.destroyForcibly().waitFor(); // SIGKILL
            }
            assertRunsOnUntraced(dir, target);
        } finally {
            target.destroyForcibly().waitFor();
        }
    }

    /** blocked_read DIR IDLE, its output in DIR/target; returns once it is ready. */
    private static Process startTarget(Path dir, int idle) throws Exception {
        Path program = ROOT.resolve("test-programs/target/bin/blocked_read");
        Process target = new ProcessBuilder(program.toString(), dir.toString(), Integer.toString(idle))
                .redirectErrorStream(true).redirectOutput(dir.resolve("target").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(dir.resolve("target")).contains("ready") && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(Files.readString(dir.resolve("target")).contains("ready"));
        while (tasks(target.pid()).size() < idle + 2 && System.nanoTime() < deadline) Thread.sleep(10);
        return target;
    }

    /** Every task untraced and not stopped; the blocked read then completes normally. */
    private static void assertRunsOnUntraced(Path dir, Process target) throws Exception {
        assertTrue(target.isAlive(), "the target died: " + Files.readString(dir.resolve("target")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> bad;
        do {
            bad = new ArrayList<>();
            for (long tid : tasks(target.pid())) {
                String st = status(target.pid(), tid);
                if (st.isEmpty()) continue; // ended meanwhile
                if (tracerPid(target.pid(), tid) != 0 || field(st, "State").startsWith("t") || field(st, "State").startsWith("T")) {
                    bad.add(tid + ": " + field(st, "State") + " tracer " + field(st, "TracerPid"));
                }
            }
            if (bad.isEmpty()) break;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertTrue(bad.isEmpty(), "traced or stopped after pdig went: " + bad);
        Files.createFile(dir.resolve("go"));
        assertTrue(target.waitFor(10, TimeUnit.SECONDS), Files.readString(dir.resolve("target")));
        assertEquals(0, target.exitValue());
        assertTrue(Files.readString(dir.resolve("target")).contains("read rc 1 errno 0"), Files.readString(dir.resolve("target")));
    }

    private static boolean allTraced(long pid) {
        List<Long> tids = tasks(pid);
        return !tids.isEmpty() && tids.stream().allMatch(tid -> tracerPid(pid, tid) != 0);
    }

    private static List<Long> tasks(long pid) {
        List<Long> out = new ArrayList<>();
        String[] names = Path.of("/proc", Long.toString(pid), "task").toFile().list();
        if (names != null) {
            for (String n : names) out.add(Long.parseLong(n));
        }
        return out;
    }

    private static String status(long pid, long tid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "status"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static long tracerPid(long pid, long tid) {
        String v = field(status(pid, tid), "TracerPid");
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }

    private static String field(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) return line.substring(key.length() + 1).trim();
        }
        return "";
    }
}
