package io.pdig.launcher.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./pdig run -o json --alerts FILE -- CMD...} as a separate process, the way a user
 * does, and reads back the JSON alerts it wrote. Everything the run printed is kept for failure
 * messages. One instance per run; not thread-safe.
 */
final class PdigRun {
    /** Generous: a pdig run is a JVM start, a journal open and a short traced program. */
    private static final long TIMEOUT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One alert line: the rule name plus the raw line for messages. */
    record Alert(String rule, String priority, String line) {
    }

    final int exitCode;
    final List<Alert> alerts;
    final String transcript;

    private PdigRun(int exitCode, List<Alert> alerts, String transcript) {
        this.exitCode = exitCode;
        this.alerts = alerts;
        this.transcript = transcript;
    }

    /** The repository root, from the surefire-provided system property. */
    static Path repoRoot() {
        String root = System.getProperty("pdig.repo.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property pdig.repo.root is not set (surefire sets it)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    static Path pdigScript() {
        return repoRoot().resolve("pdig");
    }

    /** A program built by the test-programs module; fails clearly when it was not built. */
    static Path testProgram(String name) {
        Path p = repoRoot().resolve("test-programs/target/bin").resolve(name);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(p + " is missing: build the test-programs module first (make -C test-programs)");
        }
        return p;
    }

    /** Runs CMD under `pdig run` with the default rules and JSON alerts written to a fresh file. */
    static PdigRun run(Path workDir, String... command) throws IOException, InterruptedException {
        Path alertsFile = Files.createTempFile(workDir, "alerts", ".jsonl");
        Files.delete(alertsFile); // pdig appends; start from nothing
        Path out = workDir.resolve("pdig-" + System.nanoTime() + ".out");
        List<String> argv = new ArrayList<>(List.of(pdigScript().toString(), "run", "-o", "json",
                "--alerts", alertsFile.toString(), "--"));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("pdig did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", argv)
                    + "\n" + Files.readString(out, StandardCharsets.UTF_8));
        }
        List<Alert> alerts = new ArrayList<>();
        StringBuilder transcript = new StringBuilder();
        transcript.append("$ ").append(String.join(" ", argv)).append("\n");
        transcript.append(Files.readString(out, StandardCharsets.UTF_8));
        transcript.append("[exit ").append(p.exitValue()).append("]\n");
        if (Files.exists(alertsFile)) {
            for (String line : Files.readAllLines(alertsFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                transcript.append("alert: ").append(line).append("\n");
                alerts.add(parse(line, alertsFile));
            }
        } else {
            transcript.append("(no alerts file written)\n");
        }
        return new PdigRun(p.exitValue(), List.copyOf(alerts), transcript.toString());
    }

    private static Alert parse(String line, Path file) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(file + ": alert line is not JSON: " + line, e);
        }
        JsonNode rule = n.get("rule");
        if (rule == null || !rule.isTextual()) {
            throw new AssertionError(file + ": alert line has no \"rule\" string: " + line);
        }
        JsonNode prio = n.get("priority");
        return new Alert(rule.asText(), prio == null ? null : prio.asText(), line);
    }

    boolean fired(String rule) {
        return alerts.stream().anyMatch(a -> a.rule().equals(rule));
    }
}
