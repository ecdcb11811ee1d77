package io.pdig.journal.chronicle;

import io.pdig.journal.JournalException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The one kind of header damage a writer repairs: the store file a writer was creating when it was
 * killed (SIGKILL, the OOM killer) at a roll. Chronicle creates a store file in steps: the empty
 * file, then its mapping (the file grows to its first chunk, all zeros), then the first header
 * word set to "not complete", then the header's content and the index, and only then the header
 * word's length with the bit cleared. A writer killed before that last step leaves a file that
 * {@link QueueFileCheck} calls empty, shorter than a header, or "its first header was never
 * completed"; every later writer refused the journal.
 *
 * <p>Invariant that makes the repair safe: Chronicle writes an excerpt only into a store file whose
 * first header is complete, so such a file holds no record. Two conditions are checked rather than
 * assumed, because the same bytes can also be damage (a file emptied or zeroed afterwards):
 * <ul>
 *   <li>it is the newest store file (a roll creates the newest; nothing can follow a file that was
 *       never finished), and every other Chronicle file passes {@link QueueFileCheck};</li>
 *   <li>the writer's high-water mark (updated after the records of each batch are stored) is no
 *       higher than the last record of the other files: every record any writer reported stored
 *       is elsewhere.</li>
 * </ul>
 * Such a file is renamed {@code F.cq4.unfinished} (Chronicle lists only names ending in .cq4), not
 * deleted: it stays as evidence, and only a complete parse of Chronicle's format could prove that
 * it holds no byte of data. Anything else is left for QueueFileCheck to refuse, unchanged.
 *
 * <p>Only a writer that holds writer.lock calls this: no live writer can be creating the file.
 */
final class UnfinishedStoreFile {
    static final String SUFFIX = ".unfinished";

    private UnfinishedStoreFile() {
    }

    /**
     * Sets the newest store file of {@code dir} aside when a killed writer left it unfinished (see
     * the class comment) and returns the one-line notice saying so; null when there was nothing to
     * set aside.
     *
     * @param hwm              the writer's high-water mark (-1 when none)
     * @param lastSeqOfOthers  the last intact record's seq among the store files except the one
     *                         named, or -1 when they hold none
     */
    static String setAside(Path dir, String label, LongSupplier hwm, ToLongFunction<String> lastSeqOfOthers) {
        List<Path> files = storeFiles(dir);
        if (files.isEmpty()) return null;
        Path newest = files.get(files.size() - 1);
        String why = QueueFileCheck.problem(newest);
        if (why == null || !QueueFileCheck.isUnfinished(why)) return null;
        if (QueueFileCheck.problem(dir.resolve(QueueFileCheck.METADATA_FILE)) != null) return null;
        for (Path f : files.subList(0, files.size() - 1)) {
            if (QueueFileCheck.problem(f) != null) return null;
        }
        String name = newest.getFileName().toString();
        long others = files.size() == 1 ? -1 : lastSeqOfOthers.applyAsLong(name);
        if (hwm.getAsLong() > others) return null; // records the writer stored are missing: damage
        Path target = rename(newest, label);
        return label + ": store file " + name + " was left unfinished by a writer killed while creating it (" + why
                + "; it holds no record): set aside as " + target.getFileName() + ", the journal continues";
    }

    /**
     * To {@code F.unfinished}, or {@code F.unfinished-N} when an earlier crash left that name (never
     * over it). The caller holds writer.lock, so nobody else renames here meanwhile.
     */
    private static Path rename(Path f, String label) {
        for (int n = 1; ; n++) {
            Path target = f.resolveSibling(f.getFileName() + SUFFIX + (n == 1 ? "" : "-" + n));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                // Without REPLACE_EXISTING: a target that appeared anyway fails, it is not replaced.
                return Files.move(f, target);
            } catch (IOException e) {
                throw new JournalException(label + ": cannot set aside the unfinished store file " + f.getFileName() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static List<Path> storeFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.cq4")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            return List.of(); // unlistable: the check that follows reports it
        }
        // Chronicle's names sort in time order: the last is the newest cycle.
        Collections.sort(files);
        return files;
    }
}
