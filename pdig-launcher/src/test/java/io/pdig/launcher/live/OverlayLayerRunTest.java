package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdig.launcher.testsupport.PdigRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executable's overlayfs layer end to end, on a real overlay mounted under target/: a copy of
 * the exit_code test program only in the lower directory, one written through the merged
 * directory (so in the upper one), one copied up by a write through the merged directory.
 * {@code pdig run} of the three gives Falco's proc.is_exe_upper_layer / proc.is_exe_lower_layer
 * and execve's EXE_UPPER_LAYER / EXE_LOWER_LAYER, and {@code pdig replay} of the kept journal the
 * same alerts (the layer lives in the journal). Then, with the three run from a cgroup named as
 * Docker names a container's ({@code docker-<64 hex>.scope}, so container.id is not "host"), the
 * unmodified upstream stable rule "Drop and execute new binary in container" fires for the two in
 * the upper layer and not for the one in the lower. Needs root (mount, cgroups); skipped where
 * overlayfs cannot be mounted or no cgroup v2 hierarchy is writable.
 */
class OverlayLayerRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DROP_RULE = "Drop and execute new binary in container";

    private Path dir;
    private Path merged;
    private Path cgroup;

    @BeforeEach
    void mountOverlay() throws Exception {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "overlay-run-");
        Path lower = Files.createDirectory(dir.resolve("lower"));
        Path upper = Files.createDirectory(dir.resolve("upper"));
        Path work = Files.createDirectory(dir.resolve("work"));
        merged = Files.createDirectory(dir.resolve("merged"));
        Path program = PdigRun.testProgram("exit_code");
        copy(program, lower.resolve("lower-only"));
        copy(program, lower.resolve("copied-up"));
        int rc = sh("mount", "-t", "overlay", "overlay", "-o",
                "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work, merged.toString());
        if (rc != 0) merged = null;
        Assumptions.assumeTrue(rc == 0, "assumes overlayfs can be mounted here (root): mount exited " + rc);
        copy(program, merged.resolve("written"));
        // A write through the merged directory copies the file up (a trailing byte an ELF ignores).
        Files.write(merged.resolve("copied-up"), new byte[1], StandardOpenOption.APPEND);
        assertTrue(Files.exists(upper.resolve("copied-up")) && Files.exists(upper.resolve("written")));
        assertTrue(Files.notExists(upper.resolve("lower-only")));
    }

    @AfterEach
    void unmount() throws Exception {
        try {
            if (cgroup != null) removeCgroup(cgroup);
        } finally {
            if (merged != null) sh("umount", merged.toString());
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theLayerFieldsAndFlagsLiveAndInReplay() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "- rule: Overlay exec\n  desc: an exec of a file of the overlay\n"
                + "  condition: evt.type in (execve, execveat) and evt.dir = < and proc.exepath startswith \"" + merged + "/\"\n"
                + "  output: \"flags=%evt.arg.flags upper=%proc.is_exe_upper_layer lower=%proc.is_exe_lower_layer"
                + " exe=%proc.exepath\"\n  priority: NOTICE\n");
        Path journal = dir.resolve("journal");
        Path live = dir.resolve("live.jsonl");
        Pdig.Result r = Pdig.run(dir, "run", "--journal", journal.toString(), "-r", rules.toString(), "-o", "json",
                "--alerts", live.toString(), "--", "sh", "-c", threeExecs());
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> replayed = Pdig.replayAlerts(dir, journal, rules);
        List<String> liveLines = Files.readAllLines(live);
        assertEquals(liveLines, replayed, "replay gives the live alerts");

        Map<String, JsonNode> byExe = byExe(liveLines);
        assertEquals(List.of("copied-up", "lower-only", "written"), List.copyOf(byExe.keySet()), r.transcript() + liveLines);
        assertFields(byExe.get("lower-only"), "EXE_WRITABLE|EXE_LOWER_LAYER", "false", "true");
        assertFields(byExe.get("written"), "EXE_WRITABLE|EXE_UPPER_LAYER", "true", "false");
        assertFields(byExe.get("copied-up"), "EXE_WRITABLE|EXE_UPPER_LAYER", "true", "false");
    }

    @Test
    void upstreamDropAndExecuteRuleFiresForTheUpperLayerInAContainer() throws Exception {
        Path v2 = cgroup2Root();
        Assumptions.assumeTrue(v2 != null, "assumes a cgroup v2 hierarchy is mounted");
        String id = HexFormat.of().formatHex(SecureRandom.getSeed(32));
        Path cg = v2.resolve("docker-" + id + ".scope");
        try {
            Files.createDirectory(cg);
        } catch (IOException e) {
            Assumptions.abort("assumes a cgroup can be made under " + v2 + ": " + e);
        }
        cgroup = cg;
        // The shell joins the container-like cgroup before it runs the three: their exec
        // snapshots read it from /proc/PID/cgroup, and container.id is the id above.
        PdigRun run = PdigRun.run(dir, List.of("-r", PdigRun.upstreamRules().toString()),
                List.of("sh", "-c", "echo $$ > " + cg.resolve("cgroup.procs") + " && " + threeExecs()));
        assertEquals(0, run.exitCode, run.transcript);
        List<String> dropped = new ArrayList<>();
        for (JsonNode a : run.alerts) {
            if (!a.get("rule").asText().equals(DROP_RULE)) continue;
            String exe = PdigRun.field(a, "proc.exepath");
            dropped.add(exe.substring(exe.lastIndexOf('/') + 1));
            assertTrue(PdigRun.field(a, "evt.arg.flags").contains("EXE_UPPER_LAYER"), a.toString());
            assertTrue(a.get("output").asText().contains("Executing binary not part of base image"), a.toString());
        }
        assertEquals(List.of("written", "copied-up"), dropped, run.transcript);
    }

    /** The three programs, by absolute path, each exiting 0. */
    private String threeExecs() {
        return merged.resolve("lower-only") + " && " + merged.resolve("written") + " && " + merged.resolve("copied-up");
    }

    private static void assertFields(JsonNode alert, String flags, String upper, String lower) {
        JsonNode f = alert.get("output_fields");
        String what = alert.toString();
        assertEquals(flags, f.get("evt.arg.flags").asText(), what);
        assertEquals(upper, f.get("proc.is_exe_upper_layer").asText(), what);
        assertEquals(lower, f.get("proc.is_exe_lower_layer").asText(), what);
    }

    private static Map<String, JsonNode> byExe(List<String> lines) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        for (String l : lines) {
            JsonNode a = JSON.readTree(l);
            String exe = a.get("output_fields").get("proc.exepath").asText();
            out.put(exe.substring(exe.lastIndexOf('/') + 1), a);
        }
        return out;
    }

    /** Where the cgroup v2 hierarchy is mounted (/sys/fs/cgroup, or .../unified on a hybrid host), or null. */
    private static Path cgroup2Root() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[2].equals("cgroup2")) return Path.of(f[1]);
        }
        return null;
    }

    /** Removes the cgroup once its processes are gone (their exit may lag pdig's by a moment). */
    private static void removeCgroup(Path cg) throws Exception {
        for (int i = 0; i < 50; i++) {
            try {
                Files.deleteIfExists(cg);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        Files.deleteIfExists(cg);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int sh(String... cmd) throws Exception {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
