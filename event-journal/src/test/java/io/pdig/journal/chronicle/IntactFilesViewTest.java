package io.pdig.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view a skipping reader opens instead of a journal with damaged store files: links to the
 * intact files only, removed on close, and a view that a killed reader left behind is removed by
 * the next one, without touching the files its links point to.
 */
class IntactFilesViewTest {

    @TempDir
    Path journal;

    @TempDir
    Path tmp;

    @Test
    void linksTheIntactFilesAndRemovesViewsOfDeadReaders() throws Exception {
        for (String f : new String[] {"metadata.cq4t", "20260101-00.cq4", "20260101-01.cq4", "hwm"}) {
            Files.writeString(journal.resolve(f), f);
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectory(tmp.resolve(IntactFilesView.PREFIX + gone.pid() + "-x"));
        Files.createSymbolicLink(stale.resolve("20260101-00.cq4"), journal.resolve("20260101-00.cq4"));
        Path live = Files.createDirectory(tmp.resolve(IntactFilesView.PREFIX + ProcessHandle.current().pid() + "-y"));

        String saved = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try (IntactFilesView v = IntactFilesView.of(journal, Set.of("20260101-01.cq4"), "journal J")) {
            assertEquals(Set.of("metadata.cq4t", "20260101-00.cq4"), names(v.dir()));
            assertTrue(Files.isSymbolicLink(v.dir().resolve("20260101-00.cq4")));
            assertFalse(Files.exists(stale), "a dead reader's view is removed");
            assertTrue(Files.isDirectory(live), "this process's other view stays");
            v.close();
            assertFalse(Files.exists(v.dir()), "closed: the view is gone");
        } finally {
            System.setProperty("java.io.tmpdir", saved);
        }
        assertEquals("20260101-00.cq4", Files.readString(journal.resolve("20260101-00.cq4")), "links removed, never their targets");
        assertEquals(4, names(journal).size());
    }

    private static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
