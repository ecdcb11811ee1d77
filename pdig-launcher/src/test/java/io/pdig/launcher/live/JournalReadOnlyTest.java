package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that read a journal (dump, replay, analyze) leave its directory as it was: a
 * journal may be evidence, or sit on a read-only medium. Only analyze's named reader writes its
 * position file (readers/NAME.pos), which is what makes a restarted sidecar resume.
 */
class JournalReadOnlyTest {

    @TempDir
    static Path tmp;

    private static Path recorded;

    @BeforeAll
    static void record() throws Exception {
        recorded = tmp.resolve("recorded");
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--journal", recorded.toString(), "--", "cat", "/etc/hostname");
        assertEquals(0, r.exitCode(), r.transcript());
    }

    @Test
    void readingChangesNoByteOfTheJournal() throws Exception {
        Path j = copyOf("sums");
        Map<String, String> before = checksums(j);
        assertTrue(before.keySet().stream().anyMatch(n -> n.endsWith("metadata.cq4t")), before.toString());
        for (String[] args : List.of(new String[] {"dump", j.toString()}, new String[] {"dump", "--json", j.toString()},
                new String[] {"replay", j.toString()})) {
            Pdig.Result r = Pdig.run(tmp, args);
            assertEquals(0, r.exitCode(), r.transcript());
            assertEquals(before, checksums(j), String.join(" ", args));
        }
        Pdig.Result a = Pdig.run(tmp, "analyze", "--reader", "ro-test", j.toString());
        assertEquals(0, a.exitCode(), a.transcript());
        Map<String, String> after = checksums(j);
        assertTrue(after.containsKey("readers/ro-test.pos"), "analyze saves its reader's position: " + after.keySet());
        after.remove("readers/ro-test.pos");
        assertEquals(before, after, "analyze writes nothing but its position file");
    }

    @Test
    void aDeletedMetadataFileIsNotRecreatedAndTheRecordsStillRead() throws Exception {
        Path j = copyOf("nometa");
        Pdig.Result whole = Pdig.run(tmp, "dump", j.toString());
        assertEquals(0, whole.exitCode(), whole.transcript());
        Files.delete(j.resolve("metadata.cq4t"));
        Map<String, String> before = checksums(j);
        Pdig.Result dump = Pdig.run(tmp, "dump", j.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        assertEquals(whole.stdout(), dump.stdout());
        assertEquals("", dump.stderr(), "the missing cache file is nothing to warn about");
        Pdig.Result replay = Pdig.run(tmp, "replay", j.toString());
        assertEquals(0, replay.exitCode(), replay.transcript());
        assertFalse(Files.exists(j.resolve("metadata.cq4t")), "readers must not create files");
        assertEquals(before, checksums(j));
    }

    /** chattr +i stops even root from writing, like a read-only medium. */
    @Test
    void anImmutableJournalCanBeRead() throws Exception {
        Path j = copyOf("immutable");
        Pdig.Result expected = Pdig.run(tmp, "dump", copyOf("immutable-ref").toString());
        assertEquals(0, expected.exitCode(), expected.transcript());
        List<Path> all;
        try (Stream<Path> s = Files.walk(j)) {
            all = s.toList();
        }
        Assumptions.assumeTrue(chattr("+i", all), "chattr +i is not available here");
        try {
            Pdig.Result dump = Pdig.run(tmp, "dump", j.toString());
            assertEquals(0, dump.exitCode(), dump.transcript());
            assertEquals(expected.stdout(), dump.stdout());
            Pdig.Result replay = Pdig.run(tmp, "replay", j.toString());
            assertEquals(0, replay.exitCode(), replay.transcript());
        } finally {
            assertTrue(chattr("-i", all), "cleanup: chattr -i");
        }
    }

    private static Path copyOf(String name) throws IOException {
        return io.pdig.launcher.testsupport.TreeCopy.copy(recorded, tmp.resolve(name));
    }

    /** SHA-256 of every regular file under {@code dir}, by relative path. */
    private static Map<String, String> checksums(Path dir) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                sums.put(dir.relativize(p).toString(), HexFormat.of().formatHex(d));
            }
        }
        return sums;
    }

    private static boolean chattr(String flag, List<Path> paths) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("chattr", flag));
        paths.forEach(p -> cmd.add(p.toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return false;
        }
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
