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
}
