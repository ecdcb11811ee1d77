package io.pdig.launcher.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

/**
 * One {@code ./pdig run [OPTIONS] -o json --alerts FILE -- CMD...} (or a {@code ./pdig replay}), run as a
 * separate process the way a user runs it, with the alerts it wrote parsed back. The transcript (command, everything
 * pdig and the tracee printed, exit status, every alert line) is kept for failure messages.
 * Immutable once built.
 */
public final class PdigRun {
    /** Generous: a JVM start, a journal open and a traced workload, on a loaded 2-core machine. */
    private static final long TIMEOUT_SECONDS = 240;
    private static final ObjectMapper JSON = new ObjectMapper();

    public final int exitCode;
    /** Every alert line, in file order, as parsed JSON (each has "rule" and "output_fields"). */
    public final List<JsonNode> alerts;
    public final String transcript;

    private PdigRun(int exitCode, List<JsonNode> alerts, String transcript) {
        this.exitCode = exitCode;
        this.alerts = alerts;
        this.transcript = transcript;
    }

    /** The repository root, from the surefire-provided system property. */
    public static Path repoRoot() {
        String root = System.getProperty("pdig.repo.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property pdig.repo.root is not set (surefire sets it)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    public static Path pdigScript() {
        return repoRoot().resolve("pdig");
    }

    /** A program built by the test-programs module; fails clearly when it was not built. */
    public static Path testProgram(String name) {
        Path p = repoRoot().resolve("test-programs/target/bin").resolve(name);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(p + " is missing: build the test-programs module first (make -C test-programs)");
        }
        return p;
    }

    /**
     * The upstream Falco stable rules, loaded in place: CI checks out shared/ beside the clone.
     * They are never copied into the project.
     */
    public static Path upstreamRules() {
        return upstreamRules("falco_rules.yaml");
    }

    /** One file of shared/falco-rules (e.g. falco-incubating_rules.yaml), loaded in place like the stable one. */
    public static Path upstreamRules(String fileName) {
        Path rules = repoRoot().resolve("../shared/falco-rules").resolve(fileName).normalize();
        if (!Files.isRegularFile(rules)) {
            throw new IllegalStateException(rules + " is missing: the upstream Falco rules are expected in"
                    + " shared/falco-rules beside the repository");
        }
        return rules;
    }

    /** Runs CMD under `pdig run` with pdig's default rules. */
    public static PdigRun run(Path workDir, String... command) throws IOException, InterruptedException {
        return run(workDir, List.of(), List.of(command));
    }

    /** Runs CMD in {@code workDir} under `pdig run OPTIONS`; stdin is /dev/null. */
    public static PdigRun run(Path workDir, List<String> options, List<String> command)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(options);
        return invoke(workDir, args, command);
    }

    /** `pdig replay JOURNAL -r RULES` in {@code workDir}, with the alerts it wrote. */
    public static PdigRun replay(Path workDir, Path journal, Path rules) throws IOException, InterruptedException {
        return invoke(workDir, List.of("replay", journal.toString(), "-r", rules.toString()), List.of());
    }

    /** `pdig ARGS -o json --alerts FILE [-- COMMAND]`. */
    private static PdigRun invoke(Path workDir, List<String> args, List<String> command)
            throws IOException, InterruptedException {
        Path alertsFile = workDir.resolve("alerts-" + System.nanoTime() + ".jsonl");
        Path out = workDir.resolve("pdig-" + System.nanoTime() + ".out");
        List<String> argv = new ArrayList<>(List.of(pdigScript().toString()));
        argv.addAll(args);
        argv.addAll(List.of("-o", "json", "--alerts", alertsFile.toString()));
        if (!command.isEmpty()) {
            argv.add("--");
            argv.addAll(command);
        }
        Process p = new ProcessBuilder(argv)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("pdig did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", argv)
                    + "\n" + Files.readString(out, StandardCharsets.UTF_8));
        }
        StringBuilder transcript = new StringBuilder();
        transcript.append("$ ").append(String.join(" ", argv)).append("\n");
        transcript.append(Files.readString(out, StandardCharsets.UTF_8));
        transcript.append("[exit ").append(p.exitValue()).append("]\n");
        List<JsonNode> alerts = new ArrayList<>();
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

    private static JsonNode parse(String line, Path file) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(file + ": alert line is not JSON: " + line, e);
        }
        if (!n.path("rule").isTextual() || !n.path("output_fields").isObject()) {
            throw new AssertionError(file + ": alert line lacks a \"rule\" string or an \"output_fields\" object: " + line);
        }
        return n;
    }

    /**
     * One input line for {@code xargs -L 1} (the end-to-end tests run many triggers in one session that
     * way): every argument single-quoted, so spaces stay inside it.
     */
    public static String xargsLine(List<String> argv) {
        return argv.stream().map(a -> {
            if (a.contains("'") || a.contains("\n")) {
                throw new IllegalArgumentException("argument not expressible as an xargs line: " + a);
            }
            return "'" + a + "'";
        }).collect(Collectors.joining(" "));
    }

    /** The rule name of each alert, in file order. */
    public List<String> rules() {
        return alerts.stream().map(a -> a.get("rule").asText()).toList();
    }

    public boolean fired(String rule) {
        return rules().contains(rule);
    }

    /** The alerts of one rule, in file order. */
    public List<JsonNode> alertsOf(String rule) {
        return alerts.stream().filter(a -> a.get("rule").asText().equals(rule)).toList();
    }

    /** An output field rendered as text; null when absent or JSON null (Falco's {@code <NA>}). */
    public static String field(JsonNode alert, String name) {
        JsonNode v = alert.get("output_fields").get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
