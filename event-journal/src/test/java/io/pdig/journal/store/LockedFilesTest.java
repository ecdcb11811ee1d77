package io.pdig.journal.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockedFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLockThisProcessHoldsIsListedAndGoneOnRelease() throws Exception {
        Path f = Files.createFile(dir.resolve("writer.lock"));
        assertFalse(LockedFiles.isLocked(f));
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            assertTrue(LockedFiles.isLocked(f));
        }
        assertFalse(LockedFiles.isLocked(f));
        assertFalse(LockedFiles.isLocked(dir.resolve("absent")));
    }

    @Test
    void entriesMatchTheWholeInode() {
        String table = "1: POSIX  ADVISORY  WRITE 3595 fe:00:12441357 0 EOF\n2: -> POSIX  ADVISORY  WRITE 77 08:01:99 0 EOF\n";
        assertFalse(LockedFiles.listsInode(table, 2441357));
        assertTrue(LockedFiles.listsInode(table, 12441357));
        assertTrue(LockedFiles.listsInode(table, 99));
        assertFalse(LockedFiles.listsInode(table, 1));
    }
}
