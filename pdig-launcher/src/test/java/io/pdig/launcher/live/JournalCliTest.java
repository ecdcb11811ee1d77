package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pdig run --journal` and `pdig dump` together, through the real CLI. */
class JournalCliTest {

    @TempDir
    Path tmp;

    @Test
    void dumpPrintsWhatPrintShowedAndJsonHasFalcoKeys() throws Exception {
        Path journal = tmp.resolve("j");
        Path printed = tmp.resolve("print.txt");
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--journal", journal.toString(), "--print", printed.toString(),
                "--", "cat", "/etc/hostname");
        assertEquals(0, r.exitCode(), r.transcript());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)));
        try (Stream<Path> files = Files.list(journal)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        Pdig.Result dump = Pdig.run(tmp, "dump", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        List<String> printLines = Files.readAllLines(printed);
        List<String> dumpLines = dump.stdout().lines().toList();
        assertTrue(printLines.stream().anyMatch(l -> l.matches("\\d+ openat\\(AT_FDCWD, \"/etc/hostname\", O_RDONLY\\) = \\d+")),
                String.join("\n", printLines));
        // The journal holds the session records too; every printed line is in the dump, in order.
        List<String> dumpedTraceLines = dumpLines.stream().filter(printLines::contains).toList();
        assertEquals(printLines, dumpedTraceLines, dump.transcript());

        Pdig.Result json = Pdig.run(tmp, "dump", "--json", journal.toString());
        assertEquals(0, json.exitCode(), json.transcript());
        ObjectMapper m = new ObjectMapper();
        boolean sawOpen = false;
        long prevSeq = -1;
        for (String line : json.stdout().lines().toList()) {
            JsonNode n = m.readTree(line);
            assertEquals(prevSeq + 1, n.get("seq").asLong(), "contiguous sequence numbers");
            prevSeq = n.get("seq").asLong();
            assertTrue(n.has("ts") && n.has("pid") && n.has("tid") && n.has("evt"), line);
            if (n.get("evt").asText().equals("openat") && n.get("args").get("name").asText().equals("/etc/hostname")) {
                sawOpen = true;
                assertEquals("O_RDONLY", n.get("args").get("flags").asText());
                assertTrue(n.get("res").asLong() >= 0, line);
                assertTrue(n.get("ts").asLong() > 1_600_000_000_000_000_000L, "ns since the epoch: " + line);
            }
        }
        assertTrue(sawOpen, json.stdout());
    }

    @Test
    void aFlippedByteIsReportedNotSkipped() throws Exception {
        Path journal = tmp.resolve("j");
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--journal", journal.toString(), "--", "cat",
                "/etc/hostname", "/etc/hostname", "/etc/hostname");
        assertEquals(0, r.exitCode(), r.transcript());
        // The file cat opens (its third open's record), not a locale file: without LANG (CI's
        // environment) cat opens none.
        byte[] needle = "/etc/hostname".getBytes(StandardCharsets.US_ASCII);
        boolean flipped = false;
        try (Stream<Path> files = Files.list(journal)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cq4")).toList()) {
                byte[] data = Files.readAllBytes(f);
                int at = lastIndexOf(data, needle);
                if (at >= 0) {
                    data[at + 3] ^= 0x20;
                    Files.write(f, data);
                    flipped = true;
                    break;
                }
            }
        }
        assertTrue(flipped, "test setup: the journal should hold the path cat opened");
        Pdig.Result dump = Pdig.run(tmp, "dump", journal.toString());
        assertNotEquals(0, dump.exitCode(), dump.transcript());
        assertTrue(dump.stderr().matches("(?s).*journal .*: corrupt record after seq \\d+ \\(checksum mismatch\\).*"),
                dump.transcript());
        Pdig.Result skip = Pdig.run(tmp, "dump", "--skip-corrupt", journal.toString());
        assertEquals(0, skip.exitCode(), skip.transcript());
        assertTrue(skip.stderr().contains("skipped"), skip.transcript());
    }

    /** The last occurrence: a record after the first, so the report can name the seq before it. */
    private static int lastIndexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /**
     * A journal another pdig is writing: the second run fails before its command starts with the
     * one line that names the journal (it also printed "(run with --debug for details)").
     */
    @Test
    void aJournalBeingWrittenIsRefusedInOneLine() throws Exception {
        Path journal = tmp.resolve("busy");
        Process first = Pdig.start(tmp, tmp.resolve("first.err"), "run", "--no-rules", "--journal", journal.toString(),
                "--", "sleep", "20");
        try {
            Path lock = journal.resolve("writer.lock");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!(Files.exists(lock) && io.pdig.journal.store.LockedFiles.isLocked(lock))) {
                assertTrue(System.nanoTime() < deadline && first.isAlive(), "the first run never locked " + lock);
                Thread.sleep(50);
            }
            Path marker = tmp.resolve("second-ran");
            Pdig.Result second = Pdig.run(tmp, "run", "--no-rules", "--journal", journal.toString(), "--", "touch",
                    marker.toString());
            assertEquals(1, second.exitCode(), second.transcript());
            assertEquals("pdig: journal " + journal + ": already being written by another pdig (writer.lock is locked)\n",
                    second.stderr());
            assertTrue(Files.notExists(marker), "the second command must not run");
        } finally {
            first.destroy();
            first.waitFor();
        }
    }
}
