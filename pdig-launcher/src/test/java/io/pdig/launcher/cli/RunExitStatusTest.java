package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reliability catalogue's cases that only the whole `pdig run` process can show (A1-A5, A8,
 * B1-B4): pdig's own exit status mirrors the tracee's, including death by the same signal; its
 * own signals reach the tracee. Each case runs {@code ./pdig run -- PROGRAM} under the
 * {@code waitstatus} test program, which reports "exited N" or "signaled N core C" exactly (a
 * shell's $? cannot tell 139 from death by SIGSEGV).
 */
@Timeout(120)
class RunExitStatusTest {

    private static final long RUN_TIMEOUT_S = 90;
    private Path dir;

    @BeforeEach
    void makeDir() throws IOException {
        dir = Files.createTempDirectory("pdig-run-status-");
    }

    @AfterEach
    void removeDir() throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static Path repoRoot() {
        String root = System.getProperty("pdig.repo.root");
        if (root == null || root.isBlank()) throw new IllegalStateException("pdig.repo.root is not set (surefire sets it)");
        return Path.of(root).toAbsolutePath().normalize();
    }

    static String program(String name) {
        Path p = repoRoot().resolve("test-programs/target/bin").resolve(name);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(p + " is missing: build the test-programs module first (make -C test-programs)");
        }
        return p.toString();
    }

    /** A started `waitstatus [OPTS] -- pdig run -- CMD`; stdout (the tracee's) and stderr go to files. */
    final class Run {
        final Process process;
        final Path out;
        final Path err;

        Run(List<String> waitOpts, String... command) throws IOException {
            out = dir.resolve("out-" + System.nanoTime());
            err = dir.resolve("err-" + System.nanoTime());
            List<String> argv = new ArrayList<>();
            argv.add(program("waitstatus"));
            argv.addAll(waitOpts);
            argv.add("--");
            argv.add(repoRoot().resolve("pdig").toString());
            argv.add("run");
            argv.add("--");
            argv.addAll(List.of(command));
            process = new ProcessBuilder(argv).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        }

        String out() throws IOException {
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        }

        String err() throws IOException {
            return Files.readString(err, StandardCharsets.ISO_8859_1);
        }

        /** The pid of pdig (the java process that the script exec'd). */
        int pdigPid() throws Exception {
            return intIn(this::err, "started (\\d+)", 10_000);
        }

        int intIn(IoSupplier text, String regex, long timeoutMillis) throws Exception {
            long end = System.currentTimeMillis() + timeoutMillis;
            Pattern p = Pattern.compile(regex);
            while (true) {
                Matcher m = p.matcher(text.get());
                if (m.find()) return Integer.parseInt(m.group(1));
                if (System.currentTimeMillis() > end) fail("no /" + regex + "/ within " + timeoutMillis + " ms:\n" + transcript());
                Thread.sleep(20);
            }
        }

        /** Waits for the end; returns "exited N" or "signaled N core C" as waitstatus printed it. */
        String status() throws Exception {
            if (!process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail("pdig run did not end within " + RUN_TIMEOUT_S + " s:\n" + transcript());
            }
            Matcher m = Pattern.compile("(exited \\d+|signaled \\d+ core \\d)").matcher(err());
            if (!m.find()) fail("no status reported:\n" + transcript());
            return m.group(1);
        }

        String transcript() throws IOException {
            return "stdout:\n" + out() + "\nstderr:\n" + err();
        }
    }

    interface IoSupplier {
        String get() throws IOException;
    }

    /** A1: the tracee's exit code is pdig's. */
    @ParameterizedTest
    @ValueSource(ints = {42, 0})
    void a1ExitCodeMirrored(int code) throws Exception {
        Run r = new Run(List.of(), program("exit_code"), Integer.toString(code));
        assertEquals("exited " + code, r.status(), r.transcript());
    }

    /** A2: killed by N means pdig dies by N (a shell shows 128+N), not merely exits 128+N. */
    @ParameterizedTest
    @CsvSource({"15", "11", "9"})
    void a2PdigDiesBySameSignal(int sig) throws Exception {
        Run r = new Run(List.of(), program("sig"), Integer.toString(sig));
        assertEquals("signaled " + sig + " core 0", r.status(), r.transcript());
    }

    /** A2 as a shell sees it: `pdig run -- sig 11; echo $?` prints 139. */
    @Test
    void a2ShellSees139() throws Exception {
        String cmd = "'" + repoRoot().resolve("pdig") + "' run -- '" + program("sig") + "' 11; echo \"status=$?\"";
        Process p = new ProcessBuilder("/bin/sh", "-c", cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(out.contains("status=139"), out);
    }

    /** A3: the tracee's core is written; pdig itself dies by SIGSEGV without a core of its own. */
    @Test
    void a3TraceeCoreAndNoOwnCore() throws Exception {
        Run r = new Run(List.of(), program("sig"), "11", "core");
        assertEquals("signaled 11 core 0", r.status(), r.transcript());
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> cores = s.filter(p -> p.getFileName().toString().startsWith("core")).toList();
            assertEquals(1, cores.size(), "the tracee's core: " + cores);
            assertTrue(Files.size(cores.get(0)) < 64L << 20, "a small program's core, not a JVM's");
        }
    }

    /** A4: pdig started with SIGTERM blocked still dies by SIGTERM when the tracee does. */
    @Test
    void a4BlockedSignalStillTerminatesPdig() throws Exception {
        Run r = new Run(List.of("-b", "15"), program("sig"), "15");
        assertEquals("signaled 15 core 0", r.status(), r.transcript());
    }

    /** A5: the initial command's status, even with a daemonised descendant. */
    @Test
    void a5InitialCommandStatus() throws Exception {
        Run r = new Run(List.of(), "/bin/sh", "-c", "(setsid sleep 1 &); exit 3");
        assertEquals("exited 3", r.status(), r.transcript());
    }

    /** A8: a first exec that fails ends pdig quickly with a non-zero status and a message. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/nonexistent/pdig-catalogue"})
    void a8FirstExecFails(String path) throws Exception {
        long t0 = System.nanoTime();
        Run r = new Run(List.of(), path);
        String status = r.status();
        assertTrue(status.startsWith("exited ") && !status.equals("exited 0"), status + "\n" + r.transcript());
        assertTrue((System.nanoTime() - t0) / 1_000_000_000 < 30, "quick");
        assertFalse(r.err().replace(status, "").replaceAll("started \\d+", "").isBlank(), "an error message");
    }

    /** B1: SIGTERM to pdig: the tracee dies by SIGTERM and pdig dies by SIGTERM too. */
    @Test
    void b1SigtermToPdig() throws Exception {
        Run r = new Run(List.of(), program("sleeper"), "30");
        int tracee = r.intIn(r::out, "ready (\\d+)", 60_000);
        kill(r.pdigPid(), "TERM");
        assertEquals("signaled 15 core 0", r.status(), r.transcript());
        long end = System.currentTimeMillis() + 3000;
        while (alive(tracee) && System.currentTimeMillis() < end) Thread.sleep(20);
        assertFalse(alive(tracee), "tracee gone");
    }

    /** B2: a tracee that ignores SIGTERM: pdig either lets it finish (exit 0) or kills it (policy). */
    @Test
    void b2TraceeIgnoresTerm() throws Exception {
        Run r = new Run(List.of(), program("sleeper"), "-i", "15", "2");
        r.intIn(r::out, "ready (\\d+)", 60_000);
        kill(r.pdigPid(), "TERM");
        String status = r.status();
        assertTrue(status.equals("exited 0") && r.out().contains("done")
                        || status.startsWith("signaled 15") || status.startsWith("signaled 9"),
                status + "\n" + r.transcript());
    }

    /** B3: Ctrl-C (SIGINT to the whole foreground group): the handler runs once; exit 3 for both. */
    @Test
    void b3CtrlCToForegroundGroup() throws Exception {
        Run r = new Run(List.of("-g"), program("sleeper"), "-c", "2", "30");
        r.intIn(r::out, "ready (\\d+)", 60_000);
        // A person presses Ctrl-C later than a test can: leave pdig time to finish its setup.
        Thread.sleep(1000);
        kill(-r.pdigPid(), "INT");
        assertEquals("exited 3", r.status(), r.transcript());
        assertTrue(r.out().contains("handled 1 times"), r.transcript());
    }

    /** B4: the ignored and blocked sets pdig inherited are the tracee's (nohup transparency). */
    @Test
    void b4InheritedDispositionsPassThrough() throws Exception {
        Run r = new Run(List.of("-i", "1", "-b", "10"), program("sigstate"));
        assertEquals("exited 0", r.status(), r.transcript());
        assertTrue(r.out().contains("SigIgn 0000000000000001"), "SIGHUP ignored:\n" + r.transcript());
        assertTrue(r.out().contains("SigBlk 0000000000000200"), "SIGUSR1 blocked:\n" + r.transcript());
        Run plain = new Run(List.of(), program("sigstate"));
        assertEquals("exited 0", plain.status(), plain.transcript());
        assertTrue(plain.out().contains("SigIgn 0000000000000000"), plain.transcript());
        assertTrue(plain.out().contains("SigBlk 0000000000000000"), plain.transcript());
    }

    private static void kill(int pid, String sig) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + sig, "--", Integer.toString(pid)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "kill -" + sig + " " + pid + ": " + out);
    }

    /** Alive and not a zombie (state from /proc/PID/stat). */
    private static boolean alive(int pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            char state = s.charAt(s.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
