package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug in the tracer thread (injected with -Dpdig.test.tracerFault=NR: it throws at the entry stop
 * of syscall NR) is said in one line on stderr, with or without a printed trace. Fail-closed, the
 * command is killed and pdig exits 1; with --fail-open it is detached, runs to its end, and pdig
 * exits with its status.
 */
@Timeout(300)
class TracerFailureTest {

    /** nosys calls syscall(1000) first, then three more unknown numbers, printing a line after each. */
    private static final String FAULT_AT = "-Dpdig.test.tracerFault=1000";

    @Test
    void failClosedKillsTheCommandAndSaysWhy(@TempDir Path dir) throws Exception {
        Result r = run(dir, List.of());
        assertEquals(1, r.exit, r.stderr);
        assertTrue(r.stderr.contains("pdig: the tracer failed (java.lang.IllegalStateException: injected tracer fault at syscall 1000)"
                + ": the command was killed (fail-closed)"), r.stderr);
        assertFalse(r.stdout.contains("nr 1000"), "killed at the call's entry stop:\n" + r.stdout);
    }

    @Test
    void failOpenDetachesTheCommandWhichRunsToItsEnd(@TempDir Path dir) throws Exception {
        Result r = run(dir, List.of("--fail-open"));
        assertEquals(0, r.exit, r.stderr);
        assertTrue(r.stderr.contains("the command went on untraced (--fail-open)"), r.stderr);
        // Detached at the entry stop, the call runs; unknown numbers give ENOSYS traced or not.
        assertTrue(r.stdout.contains("nr 1000 rc -1 errno 38") && r.stdout.contains("nr 2147483648 rc -1 errno 38"), r.stdout);
    }

    /**
     * Attached, the failing thread is the one in a stop being handled: it must be detached too (it
     * once stayed in its ptrace stop, and pdig waited for it forever).
     */
    @Test
    void attachDetachesEveryTraceeAndExitsOne(@TempDir Path dir) throws Exception {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        Path program = Path.of(System.getProperty("pdig.repo.root")).resolve("test-programs/target/bin/nosys");
        Path started = dir.resolve("started");
        Process target = new ProcessBuilder("sh", "-c", "touch " + started + "; sleep 3; " + program + "; echo target-done")
                .redirectErrorStream(true).redirectOutput(dir.resolve("target").toFile()).start();
        try {
            while (!Files.exists(started)) Thread.sleep(20);
            ProcessBuilder pb = new ProcessBuilder(pdig.toString(), "attach", "-p", Long.toString(target.pid()), "--children",
                    "--no-rules", "--no-journal").redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
            pb.environment().put("PDIG_JAVA_OPTS", FAULT_AT);
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdig did not end:\n" + Files.readString(dir.resolve("err")));
            String err = Files.readString(dir.resolve("err"));
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.contains("pdig: the tracer failed (") && err.contains("detached, the target runs on untraced"), err);
            assertTrue(target.waitFor(60, TimeUnit.SECONDS), "the target ran to its end");
            String out = Files.readString(dir.resolve("target"));
            assertTrue(out.contains("nr 2147483648 rc -1 errno 38") && out.contains("target-done"), out);
        } finally {
            target.destroyForcibly();
        }
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(Path dir, List<String> options) throws Exception {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        Path program = Path.of(System.getProperty("pdig.repo.root")).resolve("test-programs/target/bin/nosys");
        List<String> argv = new ArrayList<>(List.of(pdig.toString(), "run", "--no-rules", "--no-journal"));
        argv.addAll(options);
        argv.add("--");
        argv.add(program.toString());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("PDIG_JAVA_OPTS", FAULT_AT);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdig did not end:\n" + Files.readString(dir.resolve("err")));
        return new Result(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }
}
