package io.pdig.journal.chronicle;

import static io.pdig.journal.JournalTestSupport.range;
import static io.pdig.journal.JournalTestSupport.readAll;
import static io.pdig.journal.JournalTestSupport.seqs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pdig.journal.Journal;
import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalWriter;
import io.pdig.journal.ReaderOptions;
import io.pdig.journal.SampleEvents;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed while Chronicle created the store file of a new hour: the next writer sets that
 * file aside and continues the journal (before: it refused the journal as damaged, for good). The
 * interrupted states are made from a file Chronicle really created at the roll, cut back to each
 * step of its creation (see {@link UnfinishedStoreFile}); the same bytes where they cannot come
 * from an interrupted creation stay refused.
 */
class UnfinishedStoreFileTest {
    private static final long HOUR = 3_600_000L;
    private static final long START = Instant.parse("2026-01-01T00:10:00Z").toEpochMilli();
    private static final String HOUR0 = "20260101-00F.cq4";
    private static final String HOUR1 = "20260101-01F.cq4";

    @TempDir
    Path tmp;

    private final AtomicLong now = new AtomicLong(START);

    private JournalConfig config() {
        return JournalConfig.defaults().withRoll(JournalConfig.Roll.HOURLY).withClock(now::get);
    }

    /** Hour 0 holds seq 0-99; with {@code secondHour}, hour 1 holds 100-199. The clock is left in the next hour. */
    private Path journal(String name, boolean secondHour) {
        Path dir = tmp.resolve(name);
        try (Journal j = Journal.open(dir, config()); JournalWriter w = j.writer()) {
            for (int hour = 0; hour < (secondHour ? 2 : 1); hour++) {
                SampleEvents.findLike(100, SampleEvents.T0 + hour * HOUR * 1_000_000L).forEach(w::accept);
                w.flush();
                now.addAndGet(HOUR);
            }
        }
        return dir;
    }

    /**
     * The store file of the clock's hour as Chronicle creates it at a roll (header, index), complete
     * and without an excerpt: the bytes an interrupted creation is a prefix of.
     */
    private Path chronicleCreatesTheNextFile(Path dir) {
        long at = now.get();
        SingleChronicleQueueBuilder b = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_HOURLY).timeProvider(() -> at);
        if (config().blockSize() > 0) b.blockSize(config().blockSize());
        try (SingleChronicleQueue q = b.build(); ExcerptAppender a = q.createAppender()) {
            try (DocumentContext dc = a.writingDocument()) {
                dc.rollbackOnClose();
            }
        }
        return dir.resolve(HOUR1);
    }

    /** The steps of Chronicle's creation of a store file a SIGKILL can end after. */
    enum Interrupted {
        /** The file was created, not yet mapped. */
        CREATED,
        /** Mapped: the file has grown to its first chunk, every byte still zero. */
        MAPPED,
        /** The header word says "not complete", the header's content and index are written. */
        HEADER_BEGUN
    }

    private static void interrupt(Path f, Interrupted at) throws Exception {
        long size = Files.size(f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            switch (at) {
                case CREATED -> raf.setLength(0);
                case MAPPED -> {
                    raf.setLength(0);
                    raf.setLength(size);
                }
                case HEADER_BEGUN -> raf.getChannel().write(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder())
                        .putInt(0, 0x8000_0000), 0);
            }
        }
    }

    @Test
    void theNextWriterSetsTheUnfinishedFileAsideAndContinuesTheJournal() throws Exception {
        for (Interrupted at : Interrupted.values()) {
            now.set(START);
            Path dir = journal("j-" + at, false);
            Path unfinished = chronicleCreatesTheNextFile(dir);
            interrupt(unfinished, at);
            byte[] evidence = Files.readAllBytes(unfinished);
            String why = at == Interrupted.CREATED ? "empty" : "its first header was never completed";
            // The same hour (Chronicle creates the file anew), then a later one.
            try (Journal j = Journal.open(dir, config())) {
                JournalWriter w = j.writer();
                assertEquals(List.of("journal " + dir + ": store file " + HOUR1 + " was left unfinished by a writer killed while"
                        + " creating it (" + why + "; it holds no record): set aside as " + HOUR1 + ".unfinished, the journal"
                        + " continues"), w.notices(), at.name());
                SampleEvents.findLike(50, SampleEvents.T0 + HOUR * 1_000_000L).forEach(w::accept);
                w.close();
                now.addAndGet(HOUR);
                try (JournalWriter w2 = j.writer()) {
                    assertEquals(List.of(), w2.notices());
                    SampleEvents.findLike(50, SampleEvents.T0 + 2 * HOUR * 1_000_000L).forEach(w2::accept);
                }
                assertEquals(range(0, 200), seqs(readAll(j, ReaderOptions.fromStart())), "no gap, no duplicate: " + at);
            }
            assertEquals(List.of(HOUR0, HOUR1, HOUR1 + ".unfinished", "20260101-02F.cq4"), files(dir), at.name());
            assertArrayEquals(evidence, Files.readAllBytes(dir.resolve(HOUR1 + ".unfinished")), "kept as it was: " + at);
        }
    }

    /** A second crash in the same hour: the first evidence is kept, never replaced. */
    @Test
    void anEarlierUnfinishedFileIsNeverReplaced() throws Exception {
        Path dir = journal("j", false);
        Files.write(dir.resolve(HOUR1 + ".unfinished"), new byte[] {1, 2, 3});
        interrupt(chronicleCreatesTheNextFile(dir), Interrupted.HEADER_BEGUN);
        try (Journal j = Journal.open(dir, config()); JournalWriter w = j.writer()) {
            assertEquals(1, w.notices().size());
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve(HOUR1 + ".unfinished")));
        assertEquals(List.of(HOUR0, HOUR1 + ".unfinished", HOUR1 + ".unfinished-2"), files(dir));
    }

    /**
     * The bytes of an interrupted creation where no creation can explain them stay refused exactly
     * as before, and nothing is renamed: the newest file emptied after records were stored in it
     * (the high-water mark says so), an emptied file that is not the newest, foreign bytes, and an
     * unfinished newest file behind a damaged one.
     */
    @Test
    void damageThatLooksUnfinishedIsStillRefused() throws Exception {
        record Case(String name, boolean secondHour, String file, byte[] bytes, String otherFile, String why) {
        }
        for (Case c : List.of(
                new Case("records emptied", true, HOUR1, new byte[0], null, HOUR1 + " (empty)"),
                new Case("older emptied", true, HOUR0, new byte[0], null, HOUR0 + " (empty)"),
                new Case("foreign", true, HOUR1, new byte[] {(byte) 0x90, 1, 0, 0}, null, HOUR1 + " (not a Chronicle queue header: 0x190)"),
                new Case("behind damage", false, HOUR1, null, HOUR0, HOUR0 + " (not a Chronicle queue header: 0x190)"))) {
            now.set(START);
            Path dir = journal("j-" + c.name().replace(' ', '-'), c.secondHour());
            if (c.bytes() == null) {
                interrupt(chronicleCreatesTheNextFile(dir), Interrupted.CREATED);
                overwrite(dir.resolve(c.otherFile()), new byte[] {(byte) 0x90, 1, 0, 0});
            } else if (c.bytes().length == 0) {
                Files.write(dir.resolve(c.file()), c.bytes());
            } else {
                overwrite(dir.resolve(c.file()), c.bytes());
            }
            List<String> before = files(dir);
            byte[] bytes = Files.readAllBytes(dir.resolve(c.file()));
            try (Journal j = Journal.open(dir, config())) {
                JournalException e = assertThrows(JournalException.class, j::writer, c.name());
                assertEquals("journal " + dir + ": damaged store file " + c.why(), e.getMessage(), c.name());
            }
            assertEquals(before, files(dir), c.name());
            assertArrayEquals(bytes, Files.readAllBytes(dir.resolve(c.file())), c.name());
        }
    }

    private static void overwrite(Path f, byte[] bytes) throws Exception {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), 0);
        }
    }

    private static List<String> files(Path dir) throws Exception {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.cq4*")) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.remove(QueueFileCheck.METADATA_FILE);
        names.sort(null);
        return names;
    }
}
