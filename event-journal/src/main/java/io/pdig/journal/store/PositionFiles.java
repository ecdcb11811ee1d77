package io.pdig.journal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Named readers' positions, one {@link LongCell} per name under {@code DIR/readers/}. Positions are
 * sequence numbers, not store indexes, so they stay meaningful whatever the store does with its
 * files (roll, retention). Thread-safe (one monitor); each name is used by one reader at a time.
 */
public final class PositionFiles implements AutoCloseable {
    private final Path dir;
    private final Map<String, LongCell> cells = new HashMap<>();

    public PositionFiles(Path journalDir) {
        this.dir = journalDir.resolve("readers");
    }

    public synchronized long load(String name) {
        Path f = dir.resolve(name + ".pos");
        return Files.exists(f) ? LongCell.forReading(f).read() : -1;
    }

    public synchronized void save(String name, long seq) {
        try {
            LongCell c = cells.get(name);
            if (c == null) {
                if (!Files.isDirectory(dir)) Files.createDirectories(dir, Permissions.DIR_ATTR);
                c = LongCell.forWriting(dir.resolve(name + ".pos"));
                cells.put(name, c);
            }
            c.write(seq);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save reader position " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        cells.values().forEach(LongCell::close);
        cells.clear();
    }
}
