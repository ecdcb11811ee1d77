package io.pdig.journal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether some process holds a lock on a file, asked of the kernel's lock table (/proc/locks)
 * rather than by trying to take the lock: a reader must not open the file for writing (the journal
 * may be read-only), and with POSIX locks, closing any descriptor of the file in this process would
 * drop a lock this process's own writer holds.
 */
public final class LockedFiles {
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private LockedFiles() {
    }

    /**
     * True when a lock on {@code file} is listed, or when that cannot be known (no /proc/locks, no
     * inode): callers treat "held" as the cautious answer. False when the file does not exist.
     * Entries are matched by inode alone (the table's device numbers are the kernel's encoding, not
     * stat's); a match on another file system's same inode only errs on the cautious side.
     */
    public static boolean isLocked(Path file) {
        long inode;
        try {
            if (!Files.exists(file)) return false;
            inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
        String table;
        try {
            table = Files.readString(PROC_LOCKS);
        } catch (IOException e) {
            return true;
        }
        return listsInode(table, inode);
    }

    /**
     * Whether a /proc/locks text has an entry for {@code inode}. A line reads
     * {@code "N: POSIX  ADVISORY  WRITE PID MAJ:MIN:INODE START END"}; a process waiting for a lock
     * is listed as {@code "N: -> POSIX ..."}, whose file is locked as well.
     */
    static boolean listsInode(String table, long inode) {
        String suffix = ":" + inode;
        for (String line : table.split("\n")) {
            for (String field : line.trim().split("\\s+")) {
                if (field.endsWith(suffix) && field.chars().filter(c -> c == ':').count() == 2) return true;
            }
        }
        return false;
    }
}
