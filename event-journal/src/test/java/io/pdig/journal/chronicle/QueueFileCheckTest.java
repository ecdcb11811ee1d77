package io.pdig.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pdig.journal.JournalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-front header check readers make before Chronicle opens (and would wait on) a file. */
class QueueFileCheckTest {
    @TempDir
    Path dir;

    /** A header word followed by the start of Chronicle's header content (the field "header"). */
    private static byte[] header(int word) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder()).putInt(0, word);
        b.position(4);
        b.put(new byte[] {(byte) 0xB9, 6, 'h', 'e', 'a', 'd', 'e', 'r'});
        return b.array();
    }

    private String failure() {
        return assertThrows(JournalException.class, () -> QueueFileCheck.check(dir, "journal J")).getMessage();
    }

    @Test
    void goodHeadersPass() throws Exception {
        Files.write(dir.resolve("metadata.cq4t"), header(0x4000_0000 | 400));
        Files.write(dir.resolve("20260101F.cq4"), header(0x4000_0000 | 1200));
        QueueFileCheck.check(dir, "journal J");
    }

    @Test
    void blankOrUnfinishedHeadersAreDamageWhenNoWriterIsLive() throws Exception {
        Files.write(dir.resolve("20260101F.cq4"), new byte[0]);
        assertEquals("journal J: damaged store file 20260101F.cq4 (empty, and no pdig is writing the journal)", failure());
        Files.write(dir.resolve("20260101F.cq4"), new byte[] {1, 2});
        assertEquals("journal J: damaged store file 20260101F.cq4 (shorter than a header, and no pdig is writing the journal)",
                failure());
        Files.write(dir.resolve("20260101F.cq4"), header(0));
        assertEquals("journal J: damaged store file 20260101F.cq4 (its first header was never completed, and no pdig is"
                + " writing the journal)", failure());
        Files.write(dir.resolve("20260101F.cq4"), header(0xC000_0000 | 400));
        assertEquals("journal J: damaged store file 20260101F.cq4 (its first header was never completed, and no pdig is"
                + " writing the journal)", failure());
        Files.delete(dir.resolve("20260101F.cq4"));
        Files.write(dir.resolve("metadata.cq4t"), header(0x8000_0000));
        assertEquals("journal J: damaged metadata file metadata.cq4t (its first header was never completed, and no pdig is"
                + " writing the journal)", failure());
    }

    @Test
    void aLiveWriterMayBeCreatingTheFile() throws Exception {
        Files.write(dir.resolve("20260101F.cq4"), new byte[0]);
        try (FileChannel ch = FileChannel.open(dir.resolve(ChronicleStore.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            QueueFileCheck.check(dir, "journal J"); // Chronicle waits for the writer, rightly
            // A complete header never changes: a wrong one is damage whoever writes.
            Files.write(dir.resolve("20260101F.cq4"), header(0x7694_241f));
            assertEquals("journal J: damaged store file 20260101F.cq4 (not a Chronicle queue header: 0x7694241f)", failure());
        }
        Files.write(dir.resolve("20260101F.cq4"), new byte[0]);
        failure(); // the lock released: no writer any more
    }

    /**
     * The writer completes the header, appends, closes and releases writer.lock between the
     * reader's read of the header and its look at the lock (the detection thread of a short
     * `pdig run`, descheduled there, reported its own healthy journal as damaged): the header read
     * again once the lock was seen free is complete, so there is no damage. One still unfinished
     * then is damage, as before.
     */
    @Test
    void aWriterThatFinishesBetweenTheHeaderReadAndTheLockCheckLeavesNoDamage() throws Exception {
        for (String file : new String[] {"metadata.cq4t", "20260101F.cq4"}) {
            Files.write(dir.resolve("metadata.cq4t"), header(0x4000_0000 | 400));
            Files.write(dir.resolve("20260101F.cq4"), header(0x4000_0000 | 1200));
            Path creating = dir.resolve(file);
            Files.write(creating, header(0x8000_0000 | 1200)); // the writer is writing it
            List<Path> asked = new ArrayList<>();
            QueueFileCheck.check(dir, "journal J", false, lockFile -> {
                asked.add(lockFile);
                try {
                    Files.write(creating, header(0x4000_0000 | 1200)); // ...finished, lock released
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return false;
            });
            assertEquals(List.of(dir.resolve(ChronicleStore.LOCK_FILE)), asked, file);

            Files.write(creating, header(0));
            String kind = file.endsWith(".cq4t") ? "metadata" : "store";
            assertEquals("journal J: damaged " + kind + " file " + file + " (its first header was never completed, and no pdig"
                    + " is writing the journal)", assertThrows(JournalException.class,
                    () -> QueueFileCheck.check(dir, "journal J", false, lockFile -> false)).getMessage());
        }
    }

    @Test
    void completeHeadersThatAreNotMetadataOrTooLongAreDamage() throws Exception {
        Files.write(dir.resolve("20260101F.cq4"), header(400)); // a data header first
        assertEquals("journal J: damaged store file 20260101F.cq4 (not a Chronicle queue header: 0x190)", failure());
        Files.write(dir.resolve("20260101F.cq4"), header(0x4000_0000 | (1 << 16) + 1));
        assertEquals("journal J: damaged store file 20260101F.cq4 (not a Chronicle queue header: 0x40010001)", failure());
    }

    /**
     * The writer holds writer.lock itself, so a blank or unfinished header cannot be a file that
     * another pdig is creating: damage, said without claiming that no pdig writes the journal.
     */
    @Test
    void forTheWriterHoldingTheLockABlankHeaderIsDamage() throws Exception {
        Files.write(dir.resolve("metadata.cq4t"), header(0x4000_0000 | 400));
        Files.write(dir.resolve("20260101F.cq4"), new byte[0]);
        try (FileChannel ch = FileChannel.open(dir.resolve(ChronicleStore.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            assertEquals("journal J: damaged store file 20260101F.cq4 (empty)", assertThrows(JournalException.class,
                    () -> QueueFileCheck.checkForWriter(dir, "journal J")).getMessage());
            Files.write(dir.resolve("20260101F.cq4"), header(0x4000_0000 | 1200));
            Files.write(dir.resolve("metadata.cq4t"), header(0x8000_0000 | 400));
            assertEquals("journal J: damaged metadata file metadata.cq4t (its first header was never completed)",
                    assertThrows(JournalException.class, () -> QueueFileCheck.checkForWriter(dir, "journal J")).getMessage());
            Files.write(dir.resolve("metadata.cq4t"), header(0x4000_0000 | 400));
            QueueFileCheck.checkForWriter(dir, "journal J");
        }
    }

    /**
     * A complete header word over foreign content (bytes overwritten from offset 4): Chronicle
     * said "The first message should be the header, was ..." without naming the file, and the
     * writer ran the command without a journal.
     */
    @Test
    void aCompleteHeaderWordOverForeignContentIsDamage() throws Exception {
        Files.write(dir.resolve("metadata.cq4t"), header(0x4000_0000 | 400));
        byte[] store = header(0x4000_0000 | 1200);
        store[6] = 'X';
        Files.write(dir.resolve("20260101F.cq4"), store);
        assertEquals("journal J: damaged store file 20260101F.cq4 (its first header does not start with Chronicle's header field)",
                failure());
        // The short form of the field name is Chronicle's too.
        Files.write(dir.resolve("20260101F.cq4"), ByteBuffer.allocate(64).order(ByteOrder.nativeOrder())
                .putInt(0, 0x4000_0000 | 1200).put(4, new byte[] {(byte) 0xC6, 'h', 'e', 'a', 'd', 'e', 'r'}).array());
        QueueFileCheck.check(dir, "journal J");
    }
}
