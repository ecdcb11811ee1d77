package io.pdig.journal.store;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One checksummed long in a 16-byte memory-mapped file: the writer's high-water mark, a named
 * reader's position. A store to a mapping is in the page cache at once, so it survives SIGKILL of
 * the process and other processes see it immediately, without a syscall per update.
 *
 * <p>Layout: value (8 bytes, big-endian) then
 * CRC32C of those 8 bytes. A torn or damaged cell reads as absent (-1).
 *
 * <p>Threading: one updating thread; reads from any thread may see the old or the new value.
 */
public final class LongCell implements AutoCloseable {
    private final Path file;
    private final boolean writable;
    private MappedByteBuffer map;

    private LongCell(Path file, boolean writable) {
        this.file = file;
        this.writable = writable;
    }

    /** Opens (creating with mode 0600) a cell for updating. */
    public static LongCell forWriting(Path file) throws IOException {
        LongCell c = new LongCell(file, true);
        if (!Files.exists(file)) {
            Files.createFile(file, Permissions.FILE_ATTR);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            c.map = ch.map(FileChannel.MapMode.READ_WRITE, 0, 16);
        }
        return c;
    }

    /** A read-only view; the file may appear later. */
    public static LongCell forReading(Path file) {
        return new LongCell(file, false);
    }

    public long read() {
        MappedByteBuffer m = map;
        if (m == null) {
            try {
                if (!Files.exists(file) || Files.size(file) < 16) return -1;
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    m = ch.map(FileChannel.MapMode.READ_ONLY, 0, 16);
                }
                map = m;
            } catch (IOException e) {
                return -1;
            }
        }
        long v = m.getLong(0);
        int stored = m.getInt(8);
        return stored == crc(v) && v >= 0 ? v : -1;
    }

    public void write(long v) {
        if (!writable) throw new IllegalStateException("read-only cell " + file);
        map.putLong(0, v);
        map.putInt(8, crc(v));
    }

    private static int crc(long v) {
        CRC32C c = new CRC32C();
        for (int i = 0; i < 8; i++) c.update((int) (v >>> (8 * i)) & 0xFF);
        return (int) c.getValue();
    }

    @Override
    public void close() {
        map = null;
    }
}
