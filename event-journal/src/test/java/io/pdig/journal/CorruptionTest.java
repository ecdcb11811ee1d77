package io.pdig.journal;

import static io.pdig.journal.JournalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damage to real Chronicle files, and what readers report. */
class CorruptionTest {
    private static final int N = 200;
    private static final int MARKED = 40;

    @TempDir
    Path tmp;

    /** N find-like events, with a notice carrying a unique marker at seq MARKED. */
    private Path journal() {
        return journal(false);
    }

    /**
     * The same; with {@code excerptPerRecord} each event is flushed on its own, so each lands in an
     * excerpt (a frame) of its own, and damage can hit Chronicle's excerpt headers between them.
     */
    private Path journal(boolean excerptPerRecord) {
        Path dir = tmp.resolve("j");
        List<Event> events = new ArrayList<>(SampleEvents.findLike(N, SampleEvents.T0));
        events.set(MARKED, new NoticeEvent(SampleEvents.T0 + 1, 1, 1, NoticeEvent.Kind.INFO, 1, "MARKER-XYZZY-0123456789"));
        try (Journal j = Journal.open(dir); JournalWriter w = j.writer()) {
            for (Event e : events) {
                w.accept(e);
                if (excerptPerRecord) w.flush();
            }
        }
        return dir;
    }

    private static Path storeFile(Path dir) throws Exception {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.cq4")) {
            return ds.iterator().next();
        }
    }

    private static int find(byte[] hay, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int k = 0; k < n.length; k++) if (hay[i + k] != n[k]) continue outer;
            return i;
        }
        throw new AssertionError("marker not found");
    }

    /** Edits the store file in place (same size, so Chronicle's sparse layout is kept). */
    private static void damage(Path dir, java.util.function.Consumer<byte[]> edit) throws Exception {
        Path f = storeFile(dir);
        byte[] data = Files.readAllBytes(f);
        edit.accept(data);
        Files.write(f, data);
    }

    @Test
    void flippedByteIsReportedWithTheSeqBeforeIt() throws Exception {
        Path dir = journal();
        damage(dir, d -> d[find(d, "MARKER-XYZZY") + 3] ^= 0x20);
        try (Journal j = Journal.openExisting(dir); JournalReader r = j.reader(ReaderOptions.fromStart())) {
            for (int i = 0; i < MARKED; i++) assertEquals(i, r.next().seq());
            CorruptJournalException e = assertThrows(CorruptJournalException.class, r::next);
            assertEquals("journal " + dir + ": corrupt record after seq " + (MARKED - 1) + " (checksum mismatch)", e.getMessage());
            assertEquals(MARKED - 1, e.afterSeq());
        }
    }

    @Test
    void skipCorruptContinuesAtTheNextKeyframeAndCounts() throws Exception {
        Path dir = journal();
        damage(dir, d -> d[find(d, "MARKER-XYZZY") + 3] ^= 0x20);
        try (Journal j = Journal.openExisting(dir); JournalReader r = j.reader(ReaderOptions.fromStart().skippingCorrupt(true))) {
            List<JournalRecord> recs = readAll(r);
            // The damaged record, and the records coded as deltas of it up to the next keyframe (64).
            List<Long> want = range(0, MARKED);
            want.addAll(range(64, N));
            assertEquals(want, seqs(recs));
            assertEquals(64 - MARKED, r.skipped());
        }
    }

    @Test
    void zeroedBlockThatLooksLikeTheEndIsReportedFromTheHighWaterMark() throws Exception {
        Path dir = journal(true);
        damage(dir, d -> {
            int at = find(d, "MARKER-XYZZY") & ~0xFFF;
            java.util.Arrays.fill(d, at, at + 4096, (byte) 0);
        });
        try (Journal j = Journal.openExisting(dir)) {
            long lastGood;
            try (JournalReader r = j.reader(ReaderOptions.fromStart())) {
                List<JournalRecord> got = new ArrayList<>();
                CorruptJournalException e = assertThrows(CorruptJournalException.class, () -> {
                    for (JournalRecord rec = r.next(); rec != null; rec = r.next()) got.add(rec);
                });
                lastGood = got.isEmpty() ? -1 : got.get(got.size() - 1).seq();
                assertEquals(range(0, lastGood + 1), seqs(got));
                assertTrue(lastGood < MARKED, "stops before the zeroed block: " + lastGood);
                String where = lastGood >= 0 ? "after seq " + lastGood : "at the start of the journal";
                assertEquals("journal " + dir + ": corrupt record " + where + " (journal ends before seq " + (N - 1)
                        + " recorded by the writer)", e.getMessage());
            }
            try (JournalReader r = j.reader(ReaderOptions.fromStart().skippingCorrupt(true))) {
                assertEquals(range(0, lastGood + 1), seqs(readAll(r)));
                assertEquals(N - 1 - lastGood, r.skipped());
            }
        }
    }

    @Test
    void randomBytesMidFileAreNeverSilent() throws Exception {
        Path dir = journal();
        damage(dir, d -> {
            int at = find(d, "MARKER-XYZZY") - 300;
            byte[] junk = new byte[600];
            new Random(42).nextBytes(junk);
            System.arraycopy(junk, 0, d, at, junk.length);
        });
        try (Journal j = Journal.openExisting(dir); JournalReader r = j.reader(ReaderOptions.fromStart())) {
            CorruptJournalException e = assertThrows(CorruptJournalException.class, () -> readAll(r));
            assertTrue(e.getMessage().startsWith("journal " + dir + ": corrupt record "), e.getMessage());
        }
    }

    @Test
    void missingRecordIsASequenceGap() {
        try (io.pdig.journal.memory.InMemoryJournal j = new io.pdig.journal.memory.InMemoryJournal()) {
            try (JournalWriter w = j.writer()) {
                SampleEvents.findLike(N, SampleEvents.T0).forEach(w::accept);
            }
            j.removeRecord(70);
            try (JournalReader r = j.reader(ReaderOptions.fromStart())) {
                CorruptJournalException e = assertThrows(CorruptJournalException.class, () -> readAll(r));
                assertEquals("journal <memory>: corrupt record after seq 69 (sequence gap: next record is seq 71)", e.getMessage());
            }
            try (JournalReader r = j.reader(ReaderOptions.fromStart().skippingCorrupt(true))) {
                // 71..127 are coded as deltas of the lost record: they are skipped, never misread.
                List<Long> want = range(0, 70);
                want.addAll(range(128, N));
                assertEquals(want, seqs(readAll(r)));
                assertEquals(128 - 70, r.skipped());
            }
        }
    }
}
