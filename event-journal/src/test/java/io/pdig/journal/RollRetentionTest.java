package io.pdig.journal;

import static io.pdig.journal.JournalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hourly roll and retention, with a fake clock so that hours pass instantly. */
class RollRetentionTest {

    @TempDir
    Path tmp;

    private static List<String> storeFiles(Path dir) throws Exception {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.cq4")) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    @Test
    void hourlyFilesRollAndOnlyTheNewestAreKept() throws Exception {
        Path dir = tmp.resolve("j");
        AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:10:00Z").toEpochMilli());
        JournalConfig cfg = JournalConfig.defaults().withRoll(JournalConfig.Roll.HOURLY).withRetain(2).withClock(now::get);
        try (Journal j = Journal.open(dir, cfg)) {
            JournalWriter w = j.writer();
            for (int hour = 0; hour < 4; hour++) {
                SampleEvents.findLike(100, SampleEvents.T0 + hour * 3_600_000_000_000L).forEach(w::accept);
                w.flush();
                now.addAndGet(3_600_000L);
            }
            w.close();
        }
        assertEquals(List.of("20260101-02F.cq4", "20260101-03F.cq4"), storeFiles(dir));
        try (Journal j = Journal.open(dir, cfg)) {
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            assertEquals(range(200, 400), seqs(recs), "retention is not corruption");
            assertEquals(range(250, 400), seqs(readAll(j, ReaderOptions.from(250))));
            assertEquals(range(300, 400), seqs(readAll(j, ReaderOptions.from(300))));
            // The next writer continues the sequence, in the next hour: retention drops hour 2.
            try (JournalWriter w = j.writer()) {
                SampleEvents.findLike(5, SampleEvents.T0).forEach(w::accept);
            }
            assertEquals(range(300, 405), seqs(readAll(j, ReaderOptions.fromStart())));
        }
        assertEquals(List.of("20260101-03F.cq4", "20260101-04F.cq4"), storeFiles(dir));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void followReaderCrossesRolls() throws Exception {
        Path dir = tmp.resolve("j");
        AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:10:00Z").toEpochMilli());
        JournalConfig cfg = JournalConfig.defaults().withRoll(JournalConfig.Roll.HOURLY).withClock(now::get);
        try (Journal j = Journal.open(dir, cfg)) {
            JournalReader r = j.reader(ReaderOptions.fromStart().following(true));
            List<JournalRecord> got = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread follower = new Thread(() -> {
                for (JournalRecord rec = r.next(); rec != null; rec = r.next()) got.add(rec);
            });
            follower.start();
            try (JournalWriter w = j.writer()) {
                for (int hour = 0; hour < 3; hour++) {
                    SampleEvents.findLike(100, SampleEvents.T0 + hour * 3_600_000_000_000L).forEach(w::accept);
                    w.flush();
                    Thread.sleep(50);
                    now.addAndGet(3_600_000L);
                }
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (got.size() < 300 && System.currentTimeMillis() < deadline) Thread.sleep(10);
            r.close();
            follower.join(5_000);
            assertEquals(range(0, 300), seqs(got));
            assertEquals(3, storeFiles(dir).size());
        }
    }

    /** Three hourly files of 100 records each (seq 0-99, 100-199, 200-299). */
    private Path threeHours(String name) {
        Path dir = tmp.resolve(name);
        AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:10:00Z").toEpochMilli());
        JournalConfig cfg = JournalConfig.defaults().withRoll(JournalConfig.Roll.HOURLY).withClock(now::get);
        try (Journal j = Journal.open(dir, cfg); JournalWriter w = j.writer()) {
            for (int hour = 0; hour < 3; hour++) {
                SampleEvents.findLike(100, SampleEvents.T0 + hour * 3_600_000_000_000L).forEach(w::accept);
                w.flush();
                now.addAndGet(3_600_000L);
            }
        }
        return dir;
    }

    private static List<String> views() throws Exception {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "pdig-view-*")) {
            ds.forEach(p -> names.add(p.toString()));
        }
        return names;
    }

    /**
     * A store file whose first header is damaged (emptied, or not Chronicle's) among intact ones:
     * a reader that skips damage reads every record of the other files, names the damaged file,
     * and counts its records when later ones show the gap; a reader that does not skip reads the
     * records of the files before it, then fails naming it (before: it failed before the first
     * record, and so did a skipping reader). A follower that skips damage does the same, and says
     * that it cannot skip such a file.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aSkippingReaderReadsTheFilesAroundOneWithADamagedHeader() throws Exception {
        List<String> viewsBefore = views();
        record Case(String file, byte[] bytes, String why, List<Long> seqs, long skipped, List<Long> before) {
        }
        byte[] foreign = {(byte) 0x90, 1, 0, 0};
        for (Case c : List.of(
                new Case("20260101-00F.cq4", foreign, "not a Chronicle queue header: 0x190", range(100, 300), 0, List.of()),
                new Case("20260101-01F.cq4", new byte[0], "empty, and no pdig is writing the journal", joined(range(0, 100), range(200, 300)), 100,
                        range(0, 100)),
                new Case("20260101-02F.cq4", new byte[0], "empty, and no pdig is writing the journal", range(0, 200), 100,
                        range(0, 200)))) {
            Path dir = threeHours("j" + c.file());
            assertEquals(List.of("20260101-00F.cq4", "20260101-01F.cq4", "20260101-02F.cq4"), storeFiles(dir));
            Path damaged = dir.resolve(c.file());
            if (c.bytes().length == 0) {
                Files.write(damaged, c.bytes());
            } else {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(damaged, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(c.bytes()), 0);
                }
            }
            byte[] before = Files.readAllBytes(damaged);
            String message = "journal " + dir + ": damaged store file " + c.file() + " (" + c.why() + ")";
            try (Journal j = Journal.openExisting(dir)) {
                for (ReaderOptions strict : List.of(ReaderOptions.fromStart(),
                        ReaderOptions.fromStart().following(true).skippingCorrupt(true))) {
                    List<Long> got = new ArrayList<>();
                    try (JournalReader r = j.reader(strict)) {
                        JournalException e = assertThrows(JournalException.class, () -> {
                            for (JournalRecord rec; (rec = r.next()) != null; ) got.add(rec.seq());
                        });
                        assertEquals(message + (strict.follow() ? ": --skip-corrupt skips damaged store files only without"
                                + " --follow" : ""), e.getMessage());
                    }
                    assertEquals(c.before(), got, "the records before the damaged file: " + c.file());
                }
                try (JournalReader r = j.reader(ReaderOptions.fromStart().skippingCorrupt(true))) {
                    assertEquals(c.seqs(), seqs(readAll(r)), c.file());
                    assertEquals(List.of(message), r.damage());
                    assertEquals(c.skipped(), r.skipped(), c.file());
                }
                try (JournalReader r = j.reader(ReaderOptions.from(250).skippingCorrupt(true))) {
                    assertEquals(c.seqs().stream().filter(q -> q >= 250).toList(), seqs(readAll(r)), "a later start: " + c.file());
                }
            }
            assertArrayEquals(before, Files.readAllBytes(damaged), "read, never written");
        }
        assertEquals(viewsBefore, views(), "the views of intact files are removed");
    }

    private static List<Long> joined(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
