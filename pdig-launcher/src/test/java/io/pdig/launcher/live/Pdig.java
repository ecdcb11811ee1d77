package io.pdig.launcher.live;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ./pdig script as a separate process and keeps what it printed. */
final class Pdig {
    static final long TIMEOUT_SECONDS = 180;

    record Result(int exitCode, String stdout, String stderr) {
        String transcript() {
            return "[exit " + exitCode + "]\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Pdig() {
    }

    static Path repoRoot() {
        String root = System.getProperty("pdig.repo.root");
        if (root == null) throw new IllegalStateException("pdig.repo.root is not set (surefire sets it)");
        return Path.of(root).toAbsolutePath().normalize();
    }

    static List<String> argv(String... args) {
        List<String> a = new ArrayList<>();
        a.add(repoRoot().resolve("pdig").toString());
        a.addAll(List.of(args));
        return a;
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(argv(args)).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("pdig " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s\n"
                    + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The JSON alerts of {@code pdig replay JOURNAL -r RULES -o json} (written to a file in
     * workDir), one per line; fails the test when the replay does not exit 0.
     */
    static List<String> replayAlerts(Path workDir, Path journal, Path rules) throws IOException, InterruptedException {
        Path alerts = Files.createTempFile(workDir, "replay", ".jsonl");
        Result r = run(workDir, "replay", journal.toString(), "-r", rules.toString(), "-o", "json", "--alerts", alerts.toString());
        if (r.exitCode() != 0) throw new AssertionError("pdig replay failed\n" + r.transcript());
        return Files.readAllLines(alerts);
    }

    static Process start(Path workDir, Path stderr, String... args) throws IOException {
        return new ProcessBuilder(argv(args)).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** A rule file with one rule that fires when /etc/shadow is opened. */
    static Path shadowRule(Path dir) throws IOException {
        Path f = dir.resolve("shadow-rule.yaml");
        Files.writeString(f, """
                - rule: Test shadow opened
                  desc: fires when /etc/shadow is opened, for the live-detection tests
                  condition: evt.type in (open, openat, openat2) and fd.name = /etc/shadow
                  output: "shadow opened (proc=%proc.name pid=%proc.pid file=%fd.name flags=%evt.arg.flags)"
                  priority: WARNING
                  tags: [test]
                """);
        return f;
    }
}
