package io.pdig.journal;

import static io.pdig.journal.JournalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Chronicle queues in temporary directories, written and read back. */
class ChronicleJournalTest {

    @TempDir
    Path tmp;

    private static void writeAll(Journal j, List<? extends Event> events) {
        try (JournalWriter w = j.writer()) {
            events.forEach(w::accept);
        }
    }

    @Test
    void everyRecordTypeRoundTrips() {
        Path dir = tmp.resolve("j");
        List<Event> events = SampleEvents.all();
        try (Journal j = Journal.open(dir)) {
            writeAll(j, events);
        }
        try (Journal j = Journal.openExisting(dir)) {
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            assertEquals(EventText.of(events), texts(recs));
            assertEquals(range(0, events.size()), seqs(recs));
        }
    }

    @Test
    void sequenceContinuesAcrossSessionsAndReadersStartAnywhere() {
        Path dir = tmp.resolve("j");
        List<Event> first = SampleEvents.findLike(700, SampleEvents.T0);
        List<Event> second = SampleEvents.findLike(600, SampleEvents.T0 + 1_000_000_000L);
        try (Journal j = Journal.open(dir)) {
            writeAll(j, first);
        }
        try (Journal j = Journal.open(dir)) {
            writeAll(j, second);
        }
        List<Event> all = new ArrayList<>(first);
        all.addAll(second);
        try (Journal j = Journal.open(dir)) {
            assertEquals(range(0, 1300), seqs(readAll(j, ReaderOptions.fromStart())));
            // Starting points on, before and after keyframes (every 64) and across the session boundary.
            for (long from : new long[] {1, 63, 64, 65, 255, 256, 257, 699, 700, 701, 1000, 1299, 1300, 5000}) {
                List<JournalRecord> recs = readAll(j, ReaderOptions.from(from));
                assertEquals(range(Math.min(from, 1300), 1300), seqs(recs), "from " + from);
                assertEquals(EventText.of(all.subList((int) Math.min(from, 1300), 1300)), texts(recs), "from " + from);
            }
        }
    }

    /**
     * A writer opening a journal whose store file was emptied waited ~20 s in Chronicle's open on
     * its journal thread and then failed there (the command ran meanwhile, with no journal); a
     * damaged metadata.cq4t waited ~10 s and was partly rewritten. Now writer() fails at once,
     * naming the file, changes no byte, and leaves the lock free.
     */
    @Test
    void aWriterRefusesADamagedJournalAtOnceAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("j");
        try (Journal j = Journal.open(dir)) {
            writeAll(j, SampleEvents.findLike(50, SampleEvents.T0));
        }
        Path store;
        try (Stream<Path> s = Files.list(dir)) {
            store = s.filter(p -> p.getFileName().toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        byte[] metadata = Files.readAllBytes(dir.resolve("metadata.cq4t"));
        Files.write(store, new byte[0]);
        byte[] hwm = Files.readAllBytes(dir.resolve("hwm"));
        for (int attempt = 0; attempt < 2; attempt++) { // the second: the first released writer.lock
            long t0 = System.nanoTime();
            try (Journal j = Journal.open(dir)) {
                JournalException e = assertThrows(JournalException.class, j::writer);
                assertEquals("journal " + dir + ": damaged store file " + store.getFileName() + " (empty)", e.getMessage());
            }
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "at once, not after Chronicle's timeout");
        }
        assertEquals(0, Files.size(store));
        assertArrayEquals(metadata, Files.readAllBytes(dir.resolve("metadata.cq4t")));
        assertArrayEquals(hwm, Files.readAllBytes(dir.resolve("hwm")));

        // Random bytes over metadata.cq4t's first header (the emptied store file removed).
        Files.delete(store);
        byte[] junk = new byte[200];
        new java.util.Random(3).nextBytes(junk);
        junk[3] |= (byte) 0x80; // the not-complete bit: the header check, not Chronicle, must catch it
        byte[] damaged = metadata.clone();
        System.arraycopy(junk, 0, damaged, 0, junk.length);
        Files.write(dir.resolve("metadata.cq4t"), damaged);
        try (Journal j = Journal.open(dir)) {
            JournalException e = assertThrows(JournalException.class, j::writer);
            assertEquals("journal " + dir + ": damaged metadata file metadata.cq4t (its first header was never completed)",
                    e.getMessage());
        }
        assertArrayEquals(damaged, Files.readAllBytes(dir.resolve("metadata.cq4t")));
    }

    @Test
    void namedReaderResumesWhereItStopped() {
        Path dir = tmp.resolve("j");
        try (Journal j = Journal.open(dir)) {
            writeAll(j, SampleEvents.findLike(50, SampleEvents.T0));
            try (JournalReader r = j.reader("analyzer")) {
                for (int i = 0; i < 20; i++) assertEquals(i, r.next().seq());
            }
        }
        try (Journal j = Journal.open(dir)) {
            try (JournalReader r = j.reader("analyzer")) {
                assertEquals(20, r.next().seq(), "resumes after the last consumed record");
            }
            try (JournalReader other = j.reader("other")) {
                assertEquals(0, other.next().seq(), "each name has its own position");
            }
            writeAll(j, SampleEvents.findLike(10, SampleEvents.T0 + 5_000_000_000L));
            try (JournalReader r = j.reader("analyzer")) {
                assertEquals(range(21, 60), seqs(readAll(r)));
            }
            try (JournalReader r = j.reader("analyzer")) {
                assertNull(r.next(), "all consumed");
            }
        }
    }

    /** Excerpts in a Chronicle queue directory, counted with Chronicle's own tailer. */
    private static long excerpts(Path dir) {
        try (net.openhft.chronicle.queue.impl.single.SingleChronicleQueue q =
                     net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder.binary(dir)
                             .rollCycle(net.openhft.chronicle.queue.RollCycles.FAST_DAILY).build();
             net.openhft.chronicle.queue.ExcerptTailer t = q.createTailer()) {
            long n = 0;
            while (true) {
                try (net.openhft.chronicle.wire.DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) return n;
                    n++;
                }
            }
        }
    }

    @Test
    void aNewJournalStoresManyRecordsPerExcerptAndReadersStartInsideFrames() throws Exception {
        Path dir = tmp.resolve("frames");
        List<Event> events = SampleEvents.findLike(5000, SampleEvents.T0);
        try (Journal j = Journal.open(dir)) {
            writeAll(j, events);
        }
        assertEquals("frames\n", Files.readString(dir.resolve("layout")));
        long n = excerpts(dir);
        assertTrue(n >= 1 && n <= 5000 / 20, "5000 records in " + n + " excerpts");
        try (Journal j = Journal.openExisting(dir)) {
            assertEquals(EventText.of(events), texts(readAll(j, ReaderOptions.fromStart())));
            for (long from : new long[] {1, 2, 63, 64, 65, 1000, 2047, 2048, 2049, 4095, 4999, 5000, 6000}) {
                List<JournalRecord> recs = readAll(j, ReaderOptions.from(from));
                int start = (int) Math.min(from, 5000);
                assertEquals(range(start, 5000), seqs(recs), "from " + from);
                assertEquals(EventText.of(events.subList(start, 5000)), texts(recs), "from " + from);
            }
        }
    }

    @Test
    void aRecordTooLargeForTheStoreBecomesANoticeAndTheJournalGoesOn() {
        Path dir = tmp.resolve("huge");
        List<Event> events = new ArrayList<>(SampleEvents.findLike(10, SampleEvents.T0));
        events.add(new io.pdig.model.event.NoticeEvent(SampleEvents.T0 + 5, 1, 1, io.pdig.model.event.NoticeEvent.Kind.INFO, 1,
                "x".repeat(2_000_000)));
        events.addAll(SampleEvents.findLike(10, SampleEvents.T0 + 10));
        try (Journal j = Journal.open(dir)) {
            writeAll(j, events);
        }
        try (Journal j = Journal.openExisting(dir)) {
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            assertEquals(range(0, 21), seqs(recs));
            io.pdig.model.event.NoticeEvent n = (io.pdig.model.event.NoticeEvent) recs.get(10).event();
            assertEquals(io.pdig.model.event.NoticeEvent.Kind.TRACER_ERROR, n.kind());
            assertTrue(n.message().startsWith("journal could not store NoticeEvent: 2000"), n.message());
            assertEquals(EventText.of(events.subList(11, 21)), texts(recs.subList(11, 21)));
        }
    }

    @Test
    void eventsFlushedOneByOneStayReadableInFramesOfOne() {
        Path dir = tmp.resolve("ones");
        List<Event> events = SampleEvents.findLike(150, SampleEvents.T0);
        try (Journal j = Journal.open(dir); JournalWriter w = j.writer()) {
            for (Event e : events) {
                w.accept(e);
                w.flush();
            }
        }
        assertEquals(150, excerpts(dir));
        try (Journal j = Journal.openExisting(dir)) {
            assertEquals(EventText.of(events), texts(readAll(j, ReaderOptions.fromStart())));
            assertEquals(range(100, 150), seqs(readAll(j, ReaderOptions.from(100))));
        }
    }

    @Test
    void directoryIsPrivateAndFilesAreOwnerOnly() throws Exception {
        Path dir = tmp.resolve("private");
        try (Journal j = Journal.open(dir)) {
            writeAll(j, SampleEvents.findLike(5, SampleEvents.T0));
            try (JournalReader r = j.reader("analyzer")) {
                r.next();
            }
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String want = Files.isDirectory(p) ? "rwx------" : "rw-------";
                assertEquals(want, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
        }
    }

    @Test
    void secondWriterIsRefusedWhileTheFirstIsOpen() {
        Path dir = tmp.resolve("j");
        try (Journal a = Journal.open(dir); Journal b = Journal.open(dir)) {
            JournalWriter w = a.writer();
            JournalException e = assertThrows(JournalException.class, b::writer);
            assertTrue(e.getMessage().startsWith("journal " + dir + ": already being written"), e.getMessage());
            w.close();
            b.writer().close();
        }
    }

    @Test
    void temporaryJournalIsDeletedAtClose() {
        Path dir;
        try (Journal j = Journal.temporary(JournalConfig.defaults())) {
            dir = j.dir();
            writeAll(j, SampleEvents.findLike(3, SampleEvents.T0));
            assertEquals(3, readAll(j, ReaderOptions.fromStart()).size());
            assertTrue(Files.isDirectory(dir));
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    void missingJournalIsReportedAndNonJournalDirectoryRefused() throws Exception {
        Path missing = tmp.resolve("nope");
        try (Journal j = Journal.openExisting(missing); JournalReader r = j.reader(ReaderOptions.fromStart())) {
            JournalException e = assertThrows(JournalException.class, r::next);
            assertEquals("journal " + missing + ": no journal there", e.getMessage());
        }
        assertFalse(Files.exists(missing), "readers never create the directory");
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "x");
        JournalException e = assertThrows(JournalException.class, () -> Journal.open(other));
        assertTrue(e.getMessage().contains("is not a pdig journal"), e.getMessage());
    }

    @Test
    void writerStatsCountEventsAndBytes() {
        try (Journal j = Journal.open(tmp.resolve("j"))) {
            JournalWriter w = j.writer();
            SampleEvents.findLike(100, SampleEvents.T0).forEach(w::accept);
            w.flush();
            JournalStats s = w.stats();
            assertEquals(100, s.eventsWritten());
            assertEquals(99, s.lastSeq());
            assertTrue(s.bytesWritten() > 100 * 10 && s.bytesWritten() < 100 * 100, "bytes " + s.bytesWritten());
            assertEquals(0, s.dropped());
            assertTrue(s.maxBufferDepth() >= 1);
            assertTrue(s.openMillis() >= 0, "open time measured once open");
            assertEquals(-1, s.cpuMillis(), "CPU time is known only once the journal thread has ended");
            w.close();
            assertTrue(w.stats().cpuMillis() >= 0);
        }
    }
}
