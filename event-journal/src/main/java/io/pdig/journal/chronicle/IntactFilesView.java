package io.pdig.journal.chronicle;

import io.pdig.journal.JournalException;
import io.pdig.journal.store.Permissions;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Set;
import java.util.TimeZone;
import net.openhft.chronicle.queue.RollCycle;

/**
 * A private temporary directory of symbolic links to a journal's metadata.cq4t and to its store
 * files except the damaged ones, for a reader that skips damage. Chronicle cannot be told to leave
 * a file alone: a tailer that reaches a store file with a blank first header waits for it (~20 s)
 * and one with a foreign header fails the whole read. Without the file, the cycle is simply absent,
 * as an hour with no records is, and the tailer goes on to the next file; the reader then sees the
 * missing records as a sequence gap and counts them. Opened read-only, so the links' targets are
 * never written; the links themselves are deleted on {@link #close}, or, if the reader was killed
 * first, by the next reader that makes a view.
 */
final class IntactFilesView implements AutoCloseable {
    static final String PREFIX = "pdig-view-";

    private final Path view;

    private IntactFilesView(Path view) {
        this.view = view;
    }

    /** Links {@code dir}'s metadata.cq4t and every .cq4 not named in {@code damaged}. */
    static IntactFilesView of(Path dir, Set<String> damaged, String label) {
        Path view;
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            // Named for this process, so that a view a killed reader left behind can be told from
            // one in use, and removed by the next reader that makes one.
            ChronicleJournal.removeAbandoned(tmp, PREFIX);
            view = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-", Permissions.DIR_ATTR);
        } catch (IOException e) {
            throw new JournalException(label + ": cannot create a view without the damaged files: " + e.getMessage(), e);
        }
        IntactFilesView v = new IntactFilesView(view);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                boolean chronicle = name.equals(QueueFileCheck.METADATA_FILE) || name.endsWith(".cq4");
                if (chronicle && !damaged.contains(name)) Files.createSymbolicLink(view.resolve(name), f.toAbsolutePath());
            }
        } catch (IOException e) {
            v.close();
            throw new JournalException(label + ": cannot create a view without the damaged files: " + e.getMessage(), e);
        }
        return v;
    }

    Path dir() {
        return view;
    }

    /**
     * The roll cycle of the view's first store file, from its name as Chronicle formats it
     * ({@code roll.format()} in UTC, cycle = time / cycle length), or -1 when there is none.
     * Names sort in time order, so the smallest is the first.
     */
    int firstCycle(RollCycle roll) {
        String first = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(view, "*.cq4")) {
            for (Path f : ds) {
                String n = f.getFileName().toString();
                if (first == null || n.compareTo(first) < 0) first = n;
            }
        } catch (IOException e) {
            return -1;
        }
        if (first == null) return -1;
        SimpleDateFormat format = new SimpleDateFormat(roll.format());
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        try {
            return (int) (format.parse(first.substring(0, first.length() - ".cq4".length())).getTime() / roll.lengthInMillis());
        } catch (ParseException e) {
            return -1;
        }
    }

    /** Deletes the links and the directory (never what they point to). */
    @Override
    public void close() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(view)) {
            for (Path f : ds) Files.deleteIfExists(f);
            Files.deleteIfExists(view);
        } catch (IOException e) {
            // Only links in a private temporary directory are left behind.
        }
    }
}
