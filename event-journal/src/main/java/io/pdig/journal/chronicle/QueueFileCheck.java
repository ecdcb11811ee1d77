package io.pdig.journal.chronicle;

import io.pdig.journal.JournalException;
import io.pdig.journal.store.LockedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Checks the first header of each of Chronicle's files before a reader opens the queue. Chronicle
 * takes a blank or unfinished first header for a file its writer is still creating and waits for
 * it (10 s per attempt, twice: a reader of an emptied .cq4 sat idle ~20 s), and a damaged
 * metadata.cq4t as a lock held by someone else (10 s); a header that is complete but wrong it
 * reports without naming the file. Here both are a one-line error naming the file, at once.
 *
 * <p>A blank or unfinished header is damage only when no writer holds the journal's writer.lock
 * and the header, read again after that, is still so: a live writer may be creating that file
 * right now, and then Chronicle's wait is the right thing.
 * A complete header never changes afterwards, so a wrong one is damage whoever writes.
 */
final class QueueFileCheck {
    /** Chronicle wire header bits (see its Wires class): the header is being written, or is metadata. */
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int META_DATA = 0x4000_0000;
    private static final int LENGTH_MASK = 0x3FFF_FFFF;
    /** Chronicle rejects a first header longer than this. */
    private static final int MAX_FIRST_HEADER = 1 << 16;
    static final String METADATA_FILE = "metadata.cq4t";

    private QueueFileCheck() {
    }

    /**
     * For a reader: throws a {@link JournalException} naming the first damaged file of
     * {@code dir}. A blank or unfinished header is skipped while a writer holds writer.lock.
     */
    static void check(Path dir, String label) {
        check(dir, label, false);
    }

    /**
     * For the writer, which holds writer.lock itself: no other pdig can be creating a file, so a
     * blank or unfinished header is damage. Checked before Chronicle opens the queue for writing,
     * which otherwise waits ~20 s on an emptied store file (then fails inside its appender) or
     * ~10 s on a damaged metadata.cq4t, and meanwhile rewrites parts of it; the command would
     * have run with no journal.
     */
    static void checkForWriter(Path dir, String label) {
        check(dir, label, true);
    }

    private static void check(Path dir, String label, boolean holdsLock) {
        check(dir, label, holdsLock, LockedFiles::isLocked);
    }

    /** {@link #check(Path, String)} with the question "is this lock file held?" given (tests). */
    static void check(Path dir, String label, boolean holdsLock, Predicate<Path> isLocked) {
        SortedMap<String, String> damaged = damaged(dir, label, holdsLock, isLocked);
        if (!damaged.isEmpty()) throw new JournalException(damaged.get(damaged.firstKey()));
    }

    /**
     * For a reader that skips damage: the store files of {@code dir} whose first header is
     * damaged, by file name, each with its one-line message; throws for a damaged metadata.cq4t,
     * without which no file can be read.
     */
    static SortedMap<String, String> damagedStoreFiles(Path dir, String label) {
        return damaged(dir, label, false, LockedFiles::isLocked);
    }

    private static SortedMap<String, String> damaged(Path dir, String label, boolean holdsLock, Predicate<Path> isLocked) {
        Path lockFile = dir.resolve(ChronicleStore.LOCK_FILE);
        Path meta = dir.resolve(METADATA_FILE);
        String why = settledProblem(meta, holdsLock, lockFile, isLocked);
        if (why != null) throw new JournalException(label + ": damaged metadata file " + METADATA_FILE + " (" + explain(why, holdsLock) + ")");
        SortedMap<String, String> damaged = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.cq4")) {
            for (Path f : ds) {
                why = settledProblem(f, holdsLock, lockFile, isLocked);
                if (why == null) continue;
                String name = f.getFileName().toString();
                damaged.put(name, label + ": damaged store file " + name + " (" + explain(why, holdsLock) + ")");
            }
        } catch (IOException e) {
            // Unlistable: Chronicle's own open reports it.
        }
        return damaged;
    }

    /**
     * Why {@code f}'s first header is damage, or null. A blank or unfinished header is no damage
     * while a writer holds the lock (it may be creating the file). When the lock is free, the
     * header is read again: the writer may have completed it, appended, closed and released the
     * lock between the first read and the lock check (a short `pdig run` whose detection thread
     * was descheduled there said "damaged store file ... (its first header was never completed,
     * and no pdig is writing the journal)" about its own healthy journal). A header is completed
     * only under the lock, so the read made after the lock was seen free is final.
     */
    private static String settledProblem(Path f, boolean holdsLock, Path lockFile, Predicate<Path> isLocked) {
        String why = problem(f);
        if (why == null || holdsLock || !isUnfinished(why)) return why;
        return isLocked.test(lockFile) ? null : problem(f);
    }

    private static final String UNFINISHED = "its first header was never completed";
    private static final String EMPTY = "empty";
    private static final String SHORT = "shorter than a header";

    /** The writer itself holds the lock: saying that no pdig writes the journal would be false. */
    private static String explain(String why, boolean holdsLock) {
        return isUnfinished(why) && !holdsLock ? why + ", and no pdig is writing the journal" : why;
    }

    /**
     * Reasons a live writer could explain: the file is being created (or a killed writer was
     * creating it, see {@link UnfinishedStoreFile}).
     */
    static boolean isUnfinished(String why) {
        return why.equals(UNFINISHED) || why.equals(EMPTY) || why.equals(SHORT);
    }

    /** Why {@code f}'s first header is unusable, or null when it is fine or the file is absent. */
    static String problem(Path f) {
        ByteBuffer b = ByteBuffer.allocate(4 + FIELD_ANY.length).order(ByteOrder.nativeOrder());
        long size;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            size = ch.size();
            while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
                // read until the header word and its first field, or end of file
            }
        } catch (NoSuchFileException e) {
            return null; // gone (retention) or never there: not this check's business
        } catch (IOException e) {
            return null; // unreadable: Chronicle's open reports it with the cause
        }
        if (size == 0) return EMPTY;
        if (b.position() < 4) return SHORT;
        int header = b.getInt(0);
        if (header == 0 || (header & NOT_COMPLETE) != 0) return UNFINISHED;
        int length = header & LENGTH_MASK;
        if ((header & META_DATA) == 0 || length > MAX_FIRST_HEADER) {
            return "not a Chronicle queue header: 0x" + Integer.toHexString(header);
        }
        // A complete header was written before its word was completed, so its content is final
        // too: it opens with the field "header" (Chronicle reports anything else as "The first
        // message should be the header, was ..." without naming the file).
        if (!b.hasRemaining() && !startsWith(b, FIELD_ANY) && !startsWith(b, FIELD_SHORT)) {
            return "its first header does not start with Chronicle's header field";
        }
        return null;
    }

    /** The field name "header" in Chronicle's binary wire: the general form, and the short one. */
    private static final byte[] FIELD_ANY = {(byte) 0xB9, 6, 'h', 'e', 'a', 'd', 'e', 'r'};
    private static final byte[] FIELD_SHORT = {(byte) 0xC6, 'h', 'e', 'a', 'd', 'e', 'r'};

    private static boolean startsWith(ByteBuffer b, byte[] field) {
        for (int i = 0; i < field.length; i++) {
            if (b.get(4 + i) != field[i]) return false;
        }
        return true;
    }
}
