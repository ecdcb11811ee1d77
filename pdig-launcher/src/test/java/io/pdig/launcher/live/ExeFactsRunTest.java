package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executable's inode facts end to end: `pdig run` of a copy of /usr/bin/true named nc, as root
 * and as uid 1, prints Falco's exe_flags (EXE_WRITABLE for root only) and proc.exe_ino* as the JDK
 * sees the file; `pdig replay` of the kept journal prints the same alerts, so the facts live in
 * the journal and the analyzer reads nothing else. Runs as root (setpriv).
 */
class ExeFactsRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTPUT = "flags=%evt.arg.flags writable=%proc.is_exe_writable lower=%proc.is_exe_lower_layer"
            + " ino=%proc.exe_ino ctime=%proc.exe_ino.ctime mtime=%proc.exe_ino.mtime uid=%user.uid";

    /** Under the module's target/, 0755, so that uid 1 reaches the program when the parents let it. */
    private Path dir;

    @BeforeEach
    void makeDir() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "exe-facts-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Test
    void rootGetsExeWritableUid1DoesNotAndReplayAgrees() throws Exception {
        for (Path a = dir; a != null; a = a.getParent()) {
            Assumptions.assumeTrue(Files.getPosixFilePermissions(a).contains(PosixFilePermission.OTHERS_EXECUTE),
                    "assumes uid 1 can reach the build directory: " + a + " has no o+x");
        }
        Path nc = dir.resolve("nc");
        Files.copy(Path.of("/usr/bin/true"), nc);
        Files.setPosixFilePermissions(nc, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "- rule: Exe facts\n  desc: the exec of nc\n"
                + "  condition: evt.type in (execve, execveat) and evt.dir = < and proc.name = nc\n"
                + "  output: \"" + OUTPUT + "\"\n  priority: NOTICE\n");

        JsonNode root = runAndReplay(rules, "root", nc.toString());
        assertEquals("EXE_WRITABLE", text(root, "evt.arg.flags"), root.toString());
        assertEquals("true", text(root, "proc.is_exe_writable"));
        assertEquals("false", text(root, "proc.is_exe_lower_layer"), "not on overlayfs");
        assertEquals(Long.toString(((Number) Files.getAttribute(nc, "unix:ino")).longValue()), text(root, "proc.exe_ino"));
        assertEquals(Long.toString(nanos((FileTime) Files.getAttribute(nc, "unix:ctime"))), text(root, "proc.exe_ino.ctime"));
        assertEquals(Long.toString(nanos(Files.getLastModifiedTime(nc))), text(root, "proc.exe_ino.mtime"));

        JsonNode uid1 = runAndReplay(rules, "uid1", "setpriv", "--reuid=1", "--regid=1", "--clear-groups", nc.toString());
        assertEquals("1", text(uid1, "user.uid"), uid1.toString());
        assertEquals("0", text(uid1, "evt.arg.flags"), "a 0755 root-owned file is not writable for uid 1");
        assertEquals("false", text(uid1, "proc.is_exe_writable"));
        assertEquals(text(root, "proc.exe_ino"), text(uid1, "proc.exe_ino"));
    }

    /** Runs CMD with a kept journal, replays it, checks both gave the same one alert, returns it. */
    private JsonNode runAndReplay(Path rules, String name, String... cmd) throws Exception {
        Path journal = dir.resolve("journal-" + name);
        Path live = dir.resolve("live-" + name + ".jsonl");
        List<String> args = new ArrayList<>(List.of("run", "--journal", journal.toString(), "-r", rules.toString(),
                "-o", "json", "--alerts", live.toString(), "--"));
        args.addAll(List.of(cmd));
        Pdig.Result r = Pdig.run(dir, args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> replayed = Pdig.replayAlerts(dir, journal, rules);
        List<String> liveLines = Files.readAllLines(live);
        assertEquals(1, liveLines.size(), r.transcript() + liveLines);
        assertEquals(liveLines, replayed, "replay gives the live alert");
        JsonNode a = JSON.readTree(liveLines.get(0));
        assertTrue(a.get("output").asText().contains("flags="), a.toString());
        return a;
    }

    private static String text(JsonNode alert, String field) {
        JsonNode v = alert.get("output_fields").get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long nanos(FileTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
