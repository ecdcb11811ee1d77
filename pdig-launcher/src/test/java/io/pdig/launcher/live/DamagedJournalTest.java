package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage that Chronicle takes for a file still being written (a blank first header) or for a lock
 * held by someone else (a damaged metadata.cq4t) made dump and replay wait ~20 s before reporting
 * it; each is now one line naming the file, at once.
 */
class DamagedJournalTest {
    /** Generous for a shared machine: the old wait was 20 s; pdig's own start is about 1 s. */
    private static final long FAST_MILLIS = 8_000;

    @TempDir
    static Path tmp;

    private static Path recorded;
    private static String storeFile;

    @BeforeAll
    static void record() throws Exception {
        recorded = tmp.resolve("recorded");
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--journal", recorded.toString(), "--", "cat", "/etc/hostname");
        assertEquals(0, r.exitCode(), r.transcript());
        try (Stream<Path> s = Files.list(recorded)) {
            storeFile = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    @Test
    void anEmptiedStoreFileFailsAtOnceNamingIt() throws Exception {
        Path j = copyOf("emptied");
        Files.write(j.resolve(storeFile), new byte[0]);
        expectOneLine(j, "pdig: journal " + j + ": damaged store file " + storeFile
                + " (empty, and no pdig is writing the journal)");
    }

    @Test
    void anUnfinishedStoreHeaderFailsAtOnce() throws Exception {
        Path j = copyOf("unfinished");
        // A header word with the not-complete bit: what a writer killed while creating the file leaves.
        overwrite(j.resolve(storeFile), new byte[] {0, 0, 0, (byte) 0x80});
        expectOneLine(j, "pdig: journal " + j + ": damaged store file " + storeFile
                + " (its first header was never completed, and no pdig is writing the journal)");
    }

    @Test
    void randomBytesOverTheStoreHeaderFailAtOnce() throws Exception {
        Random rnd = new Random(42);
        for (int i = 0; i < 3; i++) {
            Path j = copyOf("random" + i);
            byte[] junk = new byte[200];
            rnd.nextBytes(junk);
            overwrite(j.resolve(storeFile), junk);
            expectOneLine(j, "pdig: journal " + j + ": damaged store file " + storeFile + " (");
        }
    }

    /**
     * Random bytes from offset 4 on, the header word left whole: dump said only "pdig: The first
     * message should be the header, was ..." (and "run with --debug"), naming no file, and run
     * traced its command with no journal (exit 0).
     */
    @Test
    void foreignBytesAfterACompleteHeaderWordAreTheFilesDamage() throws Exception {
        Path j = copyOf("content");
        byte[] junk = new byte[196];
        new Random(11).nextBytes(junk);
        overwrite(j.resolve(storeFile), junk, 4);
        String line = "pdig: journal " + j + ": damaged store file " + storeFile
                + " (its first header does not start with Chronicle's header field)";
        expectOneLine(j, line);
        expectRunRefused(j, line);
    }

    @Test
    void randomBytesOverTheMetadataFileAreReportedAsItsDamage() throws Exception {
        Random rnd = new Random(7);
        for (int i = 0; i < 3; i++) {
            Path j = copyOf("meta" + i);
            byte[] junk = new byte[500];
            rnd.nextBytes(junk);
            overwrite(j.resolve("metadata.cq4t"), junk);
            expectOneLine(j, "pdig: journal " + j + ": damaged metadata file metadata.cq4t (");
        }
    }

    @Test
    void aDeletedLayoutFileIsSaidNotTakenForDamagedRecords() throws Exception {
        Path j = copyOf("nolayout");
        Files.delete(j.resolve("layout"));
        expectOneLine(j, "pdig: journal " + j + ": the layout file is missing: the records are stored in frames (layout 2),"
                + " which that file marks (it holds the line \"frames\")");
    }

    @Test
    void aRegularFileIsNotADirectoryForEveryReader() throws Exception {
        Path f = Files.writeString(tmp.resolve("regular-file"), "x");
        for (String cmd : new String[] {"dump", "replay", "analyze"}) {
            Pdig.Result r = Pdig.run(tmp, cmd, f.toString());
            assertEquals(1, r.exitCode(), r.transcript());
            assertEquals("pdig: journal " + f + ": not a directory\n", r.stderr(), cmd);
        }
        Pdig.Result missing = Pdig.run(tmp, "dump", tmp.resolve("absent").toString());
        assertEquals("pdig: journal " + tmp.resolve("absent") + ": no such directory\n", missing.stderr());
    }

    /**
     * `run --journal` onto a damaged journal: the writer waited ~20 s (emptied store file) or
     * ~10 s (damaged metadata.cq4t) on its thread while the command ran with no journal, exit 0,
     * and Chronicle rewrote parts of metadata.cq4t. Now one line naming the file, exit 1, at once;
     * the command does not run and no byte of the journal changes.
     */
    @Test
    void runOntoADamagedJournalFailsAtOnceWithoutRunningTheCommand() throws Exception {
        Path emptied = copyOf("run-emptied");
        Files.write(emptied.resolve(storeFile), new byte[0]);
        expectRunRefused(emptied, "pdig: journal " + emptied + ": damaged store file " + storeFile + " (empty)");
        Random rnd = new Random(42);
        for (int i = 0; i < 3; i++) {
            Path j = copyOf("run-random" + i);
            byte[] junk = new byte[200];
            rnd.nextBytes(junk);
            overwrite(j.resolve(storeFile), junk);
            expectRunRefused(j, "pdig: journal " + j + ": damaged store file " + storeFile + " (");
        }
        Path meta = copyOf("run-meta");
        byte[] junk = new byte[200];
        new Random(7).nextBytes(junk);
        junk[3] |= (byte) 0x80; // not complete: Chronicle would take it for a file being created and wait
        overwrite(meta.resolve("metadata.cq4t"), junk);
        expectRunRefused(meta, "pdig: journal " + meta + ": damaged metadata file metadata.cq4t (");
    }

    private static void expectRunRefused(Path j, String line) throws Exception {
        java.util.Map<Path, byte[]> before = contents(j);
        Path marker = tmp.resolve(j.getFileName() + ".ran");
        long t0 = System.nanoTime();
        Pdig.Result r = Pdig.run(tmp, "run", "--journal", j.toString(), "--", "touch", marker.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, r.exitCode(), r.transcript());
        assertEquals(1, r.stderr().lines().count(), r.transcript());
        assertTrue(r.stderr().startsWith(line), r.transcript());
        assertTrue(ms < FAST_MILLIS, "run took " + ms + " ms: " + r.transcript());
        assertTrue(Files.notExists(marker), "the command must not run");
        java.util.Map<Path, byte[]> after = contents(j);
        assertEquals(before.keySet(), after.keySet());
        for (Path f : before.keySet()) assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), f + " changed");
    }

    private static java.util.Map<Path, byte[]> contents(Path dir) throws IOException {
        java.util.Map<Path, byte[]> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(dir.relativize(p), Files.readAllBytes(p));
        }
        return m;
    }

    /**
     * --skip-corrupt with one of three store files emptied: the records of the other two are
     * printed (replayed, analyzed), the damaged file is named and its records counted as skipped, exit 0.
     * Before, the damaged header failed the read at once even with --skip-corrupt: nothing printed.
     * Without --skip-corrupt the records before the damaged file are printed, then it fails naming
     * it (before: at once, nothing printed).
     */
    @Test
    void skipCorruptReadsTheStoreFilesAroundOneWithADamagedHeader() throws Exception {
        Path j = tmp.resolve("hourly");
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(
                java.time.Instant.parse("2026-01-01T00:10:00Z").toEpochMilli());
        io.pdig.journal.JournalConfig cfg = io.pdig.journal.JournalConfig.defaults()
                .withRoll(io.pdig.journal.JournalConfig.Roll.HOURLY).withClock(now::get);
        try (io.pdig.journal.Journal journal = io.pdig.journal.Journal.open(j, cfg);
             io.pdig.journal.JournalWriter w = journal.writer()) {
            for (int hour = 0; hour < 3; hour++) {
                for (int i = 0; i < 5; i++) {
                    w.accept(new io.pdig.model.event.NoticeEvent(1_000L * (hour * 5 + i), 1, 1,
                            io.pdig.model.event.NoticeEvent.Kind.INFO, 1, "hour " + hour + " note " + i));
                }
                w.flush();
                now.addAndGet(3_600_000L);
            }
        }
        // Intact, read back with nothing on stderr: Chronicle warned on every read of an hourly
        // journal that the reader's (daily) roll was overridden by the journal's.
        Pdig.Result intact = Pdig.run(tmp, "dump", j.toString());
        assertEquals(0, intact.exitCode(), intact.transcript());
        assertEquals(15, intact.stdout().lines().count(), intact.transcript());
        assertEquals("", intact.stderr(), intact.transcript());

        Files.write(j.resolve("20260101-01F.cq4"), new byte[0]);
        String damaged = "pdig: journal " + j + ": damaged store file 20260101-01F.cq4 (empty, and no pdig is writing the journal)";

        Pdig.Result dump = Pdig.run(tmp, "dump", "--skip-corrupt", j.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        java.util.List<String> lines = dump.stdout().lines().toList();
        assertEquals(10, lines.size(), dump.transcript());
        assertTrue(lines.get(0).contains("hour 0 note 0") && lines.get(4).contains("hour 0 note 4")
                && lines.get(5).contains("hour 2 note 0") && lines.get(9).contains("hour 2 note 4"), dump.transcript());
        assertEquals(java.util.List.of(damaged + ": its records were skipped",
                "pdig: journal " + j + ": skipped 5 corrupt records"), dump.stderr().lines().toList(), dump.transcript());

        Pdig.Result replay = Pdig.run(tmp, "replay", "--skip-corrupt", j.toString());
        assertEquals(0, replay.exitCode(), replay.transcript());
        assertEquals(java.util.List.of(damaged + ": its records were skipped",
                "pdig: journal " + j + ": skipped 5 corrupt records"), replay.stderr().lines().toList(), replay.transcript());

        Pdig.Result analyze = Pdig.run(tmp, "analyze", "--skip-corrupt", j.toString());
        assertEquals(0, analyze.exitCode(), analyze.transcript());
        assertEquals(java.util.List.of(damaged + ": its records were skipped",
                "pdig: journal " + j + ": skipped 5 corrupt records"), analyze.stderr().lines().toList(), analyze.transcript());

        // Without --skip-corrupt: the records before the damaged file, then the one line, exit 1
        // (dump and replay printed nothing at all).
        Pdig.Result strict = Pdig.run(tmp, "dump", j.toString());
        assertEquals(1, strict.exitCode(), strict.transcript());
        assertEquals(java.util.List.of(damaged), strict.stderr().lines().toList(), strict.transcript());
        java.util.List<String> before = strict.stdout().lines().toList();
        assertEquals(5, before.size(), strict.transcript());
        for (int i = 0; i < 5; i++) assertTrue(before.get(i).contains("hour 0 note " + i), strict.transcript());
        // Following, the damaged file cannot be skipped (the view is a snapshot): the same, said so,
        // instead of failing before the first record as if --skip-corrupt had not been given.
        Pdig.Result following = Pdig.run(tmp, "dump", "--skip-corrupt", "--follow", j.toString());
        assertEquals(1, following.exitCode(), following.transcript());
        assertEquals(java.util.List.of(damaged + ": --skip-corrupt skips damaged store files only without --follow"),
                following.stderr().lines().toList(), following.transcript());
        assertEquals(before, following.stdout().lines().toList(), following.transcript());
        Pdig.Result strictReplay = Pdig.run(tmp, "replay", j.toString());
        assertEquals(1, strictReplay.exitCode(), strictReplay.transcript());
        assertEquals(damaged, strictReplay.stderr().lines().reduce((a, b) -> b).orElse(""), strictReplay.transcript());
    }

    /** An hourly journal of 2026-01-01 with 5 notes an hour for {@code hours} hours (seq 0 to 5*hours-1). */
    private static Path hourlyJournal(String name, int hours) {
        Path j = tmp.resolve(name);
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(
                java.time.Instant.parse("2026-01-01T00:10:00Z").toEpochMilli());
        io.pdig.journal.JournalConfig cfg = io.pdig.journal.JournalConfig.defaults()
                .withRoll(io.pdig.journal.JournalConfig.Roll.HOURLY).withClock(now::get);
        try (io.pdig.journal.Journal journal = io.pdig.journal.Journal.open(j, cfg);
             io.pdig.journal.JournalWriter w = journal.writer()) {
            for (int hour = 0; hour < hours; hour++) {
                for (int i = 0; i < 5; i++) {
                    w.accept(new io.pdig.model.event.NoticeEvent(1_000L * (hour * 5 + i), 1, 1,
                            io.pdig.model.event.NoticeEvent.Kind.INFO, 1, "hour " + hour + " note " + i));
                }
                w.flush();
                now.addAndGet(3_600_000L);
            }
        }
        return j;
    }

    /**
     * A pdig killed (OOM, SIGKILL) while Chronicle created the store file of a new hour left it
     * empty, or grown to its first chunk and still all zeros; every later `run --journal` refused
     * the journal. Now the next run sets that file aside (kept as F.cq4.unfinished) with one
     * warning line, runs the command and continues the sequence.
     */
    @Test
    void runContinuesAJournalWhoseNewestFileAKilledPdigLeftUnfinished() throws Exception {
        for (long size : new long[] {0, 1 << 20}) {
            Path j = hourlyJournal("killed-at-roll-" + size, 1);
            Path unfinished = j.resolve("20260101-01F.cq4");
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(unfinished.toFile(), "rw")) {
                f.setLength(size);
            }
            Path marker = tmp.resolve(j.getFileName() + ".ran");
            Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--journal-roll", "hourly", "--journal", j.toString(), "--",
                    "touch", marker.toString());
            assertEquals(0, r.exitCode(), r.transcript());
            assertEquals(java.util.List.of("pdig: warning: journal " + j + ": store file 20260101-01F.cq4 was left unfinished by"
                    + " a writer killed while creating it (" + (size == 0 ? "empty" : "its first header was never completed")
                    + "; it holds no record): set aside as 20260101-01F.cq4.unfinished, the journal continues"),
                    r.stderr().lines().toList(), r.transcript());
            assertTrue(Files.exists(marker), "the command ran");
            assertEquals(size, Files.size(j.resolve("20260101-01F.cq4.unfinished")), "kept as evidence");

            Pdig.Result dump = Pdig.run(tmp, "dump", "--seq", j.toString());
            assertEquals(0, dump.exitCode(), dump.transcript());
            assertEquals("", dump.stderr(), dump.transcript());
            java.util.List<String> lines = dump.stdout().lines().toList();
            for (int i = 0; i < lines.size(); i++) assertTrue(lines.get(i).startsWith(i + " "), dump.transcript());
            assertTrue(lines.get(4).contains("hour 0 note 4") && lines.size() > 6, dump.transcript());
        }
    }

    /** dump and replay both fail with exit 1 and exactly one stderr line starting with {@code line}, fast. */
    private static void expectOneLine(Path j, String line) throws Exception {
        for (String cmd : new String[] {"dump", "replay"}) {
            long t0 = System.nanoTime();
            Pdig.Result r = Pdig.run(tmp, cmd, j.toString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(1, r.exitCode(), r.transcript());
            assertEquals(1, r.stderr().lines().count(), r.transcript());
            assertTrue(r.stderr().startsWith(line), cmd + ": " + r.transcript());
            assertTrue(ms < FAST_MILLIS, cmd + " took " + ms + " ms: " + r.transcript());
        }
    }

    private static void overwrite(Path f, byte[] bytes) throws IOException {
        overwrite(f, bytes, 0);
    }

    private static void overwrite(Path f, byte[] bytes, long at) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes), at);
        }
    }

    private static Path copyOf(String name) throws IOException {
        return io.pdig.launcher.testsupport.TreeCopy.copy(recorded, tmp.resolve(name));
    }
}
