package io.pdig.journal;

import static io.pdig.journal.JournalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals written by earlier schema versions must keep reading exactly as they did. Each
 * {@code fixtures/schema-vN} directory holds a journal written by {@link FixtureGenerator} under
 * that version and {@code expected.txt}, what it decoded to then. Generated for v1 with:
 * <pre>
 * mvn -q -B -o -pl event-journal test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/ej-cp.txt
 * java $FLAGS -cp "$(cat /tmp/ej-cp.txt):event-journal/target/test-classes:event-journal/target/classes" \
 *     io.pdig.journal.FixtureGenerator event-journal/src/test/resources/fixtures/schema-v1
 * </pre>
 * where $FLAGS is the parent pom's {@code pdig.jvm.flags}.
 */
class SchemaFixtureTest {

    @TempDir
    Path tmp;

    private Path copyOf(String version) throws Exception {
        URL url = getClass().getResource("/fixtures/" + version + "/expected.txt");
        assertNotNull(url, "fixture " + version + " missing");
        Path src = Path.of(url.toURI()).getParent();
        Path dst = tmp.resolve(version);
        Files.createDirectory(dst);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(src)) {
            for (Path p : ds) Files.copy(p, dst.resolve(p.getFileName()));
        }
        return dst;
    }

    @Test
    void schemaV1JournalReadsExactlyAsWritten() throws Exception {
        Path dir = copyOf("schema-v1");
        List<String> expected = new ArrayList<>(Files.readAllLines(dir.resolve("expected.txt")));
        expected.remove(0);
        try (Journal j = Journal.openExisting(dir)) {
            List<String> got = new ArrayList<>();
            for (JournalRecord r : readAll(j, ReaderOptions.fromStart())) got.add(r.seq() + "\t" + EventText.of(r.event()));
            assertEquals(expected, got);
            // Starting mid-way uses the keyframes the v1 writer placed.
            List<JournalRecord> tail = readAll(j, ReaderOptions.from(100));
            assertEquals(expected.subList(100, expected.size()), withSeq(tail));
        }
    }

    /** v2 (argv items cut at the string limit, STRLIST_CUT), generated the same way before v3. */
    @Test
    void schemaV2JournalReadsExactlyAsWritten() throws Exception {
        Path dir = copyOf("schema-v2");
        List<String> expected = new ArrayList<>(Files.readAllLines(dir.resolve("expected.txt")));
        expected.remove(0);
        assertTrue(expected.stream().anyMatch(l -> l.contains("cut=[")), "the v2 fixture holds a STRLIST_CUT argument");
        try (Journal j = Journal.openExisting(dir)) {
            List<String> got = new ArrayList<>();
            for (JournalRecord r : readAll(j, ReaderOptions.fromStart())) got.add(r.seq() + "\t" + EventText.of(r.event()));
            assertEquals(expected, got);
            assertEquals(expected.subList(100, expected.size()), withSeq(readAll(j, ReaderOptions.from(100))));
        }
    }

    /**
     * v3 (argv items whose pointer could not be read, STRLIST_X), generated the same way before v4
     * added siginfo's rest to SIGNAL: its signals read without one (unknown, not zeros).
     */
    @Test
    void schemaV3JournalReadsExactlyAsWritten() throws Exception {
        Path dir = copyOf("schema-v3");
        List<String> expected = new ArrayList<>(Files.readAllLines(dir.resolve("expected.txt")));
        expected.remove(0);
        assertTrue(expected.stream().anyMatch(l -> l.contains("unreadable=[")), "the v3 fixture holds a STRLIST_X argument");
        try (Journal j = Journal.openExisting(dir)) {
            List<String> got = new ArrayList<>();
            List<Event> signals = new ArrayList<>();
            for (JournalRecord r : readAll(j, ReaderOptions.fromStart())) {
                got.add(r.seq() + "\t" + EventText.of(r.event()));
                if (r.event() instanceof ProcessEvent.Signal) signals.add(r.event());
            }
            assertEquals(expected, got);
            assertFalse(signals.isEmpty());
            for (Event s : signals) assertNull(((ProcessEvent.Signal) s).rest(), s.toString());
            assertEquals(expected.subList(100, expected.size()), withSeq(readAll(j, ReaderOptions.from(100))));
        }
    }

    /**
     * v4 (siginfo's rest in SIGNAL), generated the same way before v5 added a syscall's duration:
     * its syscalls read without one (unknown, not zero), its signals keep their rest.
     */
    @Test
    void schemaV4JournalReadsExactlyAsWritten() throws Exception {
        Path dir = copyOf("schema-v4");
        List<String> expected = new ArrayList<>(Files.readAllLines(dir.resolve("expected.txt")));
        assertEquals("# schema v4: seq<TAB>EventText of each record", expected.remove(0));
        assertTrue(expected.stream().anyMatch(l -> l.contains("rest=SiginfoRest[")), "the v4 fixture holds a siginfo rest");
        try (Journal j = Journal.openExisting(dir)) {
            List<String> got = new ArrayList<>();
            int syscalls = 0;
            for (JournalRecord r : readAll(j, ReaderOptions.fromStart())) {
                got.add(r.seq() + "\t" + EventText.of(r.event()));
                if (r.event() instanceof SyscallEvent s) {
                    syscalls++;
                    assertEquals(SyscallEvent.NO_DURATION, s.duration(), s.toString());
                }
            }
            assertEquals(expected, got);
            assertTrue(syscalls > 100, "syscalls read: " + syscalls);
            assertEquals(expected.subList(100, expected.size()), withSeq(readAll(j, ReaderOptions.from(100))));
        }
    }

    /**
     * v5 (a syscall's duration), generated the same way before v6 added the executable's inode to
     * EXEC and the IOVEC argument: its execs, and the exec snapshots in its session starts, read
     * without one (unknown, not a zero inode), its durations are kept, and it holds no iovec.
     */
    @Test
    void schemaV5JournalReadsExactlyAsWritten() throws Exception {
        Path dir = copyOf("schema-v5");
        List<String> expected = new ArrayList<>(Files.readAllLines(dir.resolve("expected.txt")));
        assertEquals("# schema v5: seq<TAB>EventText of each record", expected.remove(0));
        assertTrue(expected.stream().anyMatch(l -> l.contains(", duration=")), "the v5 fixture holds a duration");
        try (Journal j = Journal.openExisting(dir)) {
            List<String> got = new ArrayList<>();
            int execs = 0;
            for (JournalRecord r : readAll(j, ReaderOptions.fromStart())) {
                got.add(r.seq() + "\t" + EventText.of(r.event()));
                List<ProcessEvent.Exec> found = new ArrayList<>();
                if (r.event() instanceof ProcessEvent.Exec x) found.add(x);
                if (r.event() instanceof SessionEvent.Start st && st.processes() != null) {
                    for (SessionEvent.ProcessSnapshot p : st.processes()) found.add(p.exec());
                }
                for (ProcessEvent.Exec x : found) {
                    execs++;
                    assertNull(x.exeFile(), x.toString());
                }
            }
            assertEquals(expected, got);
            assertTrue(execs >= 3, "execs read: " + execs);
            assertEquals(expected.subList(100, expected.size()), withSeq(readAll(j, ReaderOptions.from(100))));
        }
    }

    /**
     * v6 (the executable's inode in EXEC), generated the same way before v7 added the overlayfs
     * layer: its execs keep their inode facts, and the one on overlayfs reads with the layer
     * unknown (v6 could not tell it), the others as not on overlayfs.
     */
    @Test
    void schemaV6JournalReadsExactlyAsWritten() throws Exception {
        Path dir = copyOf("schema-v6");
        List<String> expected = new ArrayList<>(Files.readAllLines(dir.resolve("expected.txt")));
        assertEquals("# schema v6: seq<TAB>EventText of each record", expected.remove(0));
        assertTrue(expected.stream().anyMatch(l -> l.contains("overlay=true]")), "the v6 fixture holds an exe on overlayfs");
        try (Journal j = Journal.openExisting(dir)) {
            List<String> got = new ArrayList<>();
            int onOverlay = 0;
            for (JournalRecord r : readAll(j, ReaderOptions.fromStart())) {
                got.add(r.seq() + "\t" + EventText.of(r.event()));
                if (r.event() instanceof ProcessEvent.Exec x && x.exeFile() != null && x.exeFile().overlay()) {
                    onOverlay++;
                    assertFalse(x.exeUpperLayer(), x.toString());
                    assertEquals(ProcessEvent.Layer.UNKNOWN, x.exeFile().layer(), x.toString());
                }
            }
            assertEquals(expected, got);
            assertEquals(1, onOverlay);
            assertEquals(expected.subList(100, expected.size()), withSeq(readAll(j, ReaderOptions.from(100))));
        }
    }

    /**
     * v7 (the overlayfs layer of an exec's executable, the MMSGHDRS argument), generated the same
     * way before v8 added the process's memory to EXEC: its execs keep their inode facts and
     * layers, and read without memory (unknown, not zeros).
     */
    @Test
    void schemaV7JournalReadsExactlyAsWritten() throws Exception {
        Path dir = copyOf("schema-v7");
        List<String> expected = new ArrayList<>(Files.readAllLines(dir.resolve("expected.txt")));
        assertEquals("# schema v7: seq<TAB>EventText of each record", expected.remove(0));
        assertTrue(expected.stream().anyMatch(l -> l.contains("layer=LOWER]")), "the v7 fixture holds an exe in a lower layer");
        try (Journal j = Journal.openExisting(dir)) {
            List<String> got = new ArrayList<>();
            List<ProcessEvent.Layer> layers = new ArrayList<>();
            for (JournalRecord r : readAll(j, ReaderOptions.fromStart())) {
                got.add(r.seq() + "\t" + EventText.of(r.event()));
                if (r.event() instanceof ProcessEvent.Exec x) assertNull(x.memory(), x.toString());
                if (r.event() instanceof ProcessEvent.Exec x && x.exeFile() != null && x.exeFile().overlay()) {
                    layers.add(x.exeFile().layer());
                    assertEquals(x.exeFile().layer() == ProcessEvent.Layer.UPPER, x.exeUpperLayer(), x.toString());
                }
            }
            assertEquals(expected, got);
            assertEquals(List.of(ProcessEvent.Layer.UNKNOWN, ProcessEvent.Layer.UPPER, ProcessEvent.Layer.LOWER), layers);
            assertEquals(expected.subList(100, expected.size()), withSeq(readAll(j, ReaderOptions.from(100))));
        }
    }

    private static List<String> withSeq(List<JournalRecord> recs) {
        List<String> l = new ArrayList<>();
        for (JournalRecord r : recs) l.add(r.seq() + "\t" + EventText.of(r.event()));
        return l;
    }

    @Test
    void schemaV1FixtureAppendsContinuingTheSequence() throws Exception {
        Path dir = copyOf("schema-v1");
        int n = Files.readAllLines(dir.resolve("expected.txt")).size() - 1;
        try (Journal j = Journal.open(dir)) {
            try (JournalWriter w = j.writer()) {
                SampleEvents.findLike(3, SampleEvents.T0).forEach(w::accept);
            }
            assertEquals(range(0, n + 3), seqs(readAll(j, ReaderOptions.fromStart())));
            assertEquals(range(n - 1, n + 3), seqs(readAll(j, ReaderOptions.from(n - 1))));
        }
        // Appending keeps the journal's layout: one record per excerpt, no frames marker.
        assertFalse(Files.exists(dir.resolve("layout")));
    }
}
