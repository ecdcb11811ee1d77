package io.pdig.journal;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.journal.chronicle.ChronicleJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal writer's thread and Chronicle's set-up as pdig starts them: what start-up speed
 * depends on (docs/BENCHMARKS.md, Start-up, session 4).
 */
class WriterThreadTest {

    @TempDir
    Path tmp;

    /** The live thread named {@code name}, or null. */
    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive())
                .findFirst().orElse(null);
    }

    @Test
    void writerThreadIsBackgroundWorkUntilALiveReaderFollows() {
        try (Journal j = Journal.open(tmp.resolve("j")); JournalWriter w = j.writer()) {
            Thread t = thread("pdig-journal");
            assertNotNull(t, "the writer owns a thread named pdig-journal");
            assertEquals(Thread.MIN_PRIORITY, t.getPriority(), "background work at first");
            w.readerFollowsLive();
            assertEquals(Thread.NORM_PRIORITY, t.getPriority(), "normal once a live reader depends on it");
        }
        assertNull(thread("pdig-journal"), "close() ends the writer's thread");
    }

    @Test
    void flushRaisesTheWriterThreadForGood() {
        try (Journal j = Journal.open(tmp.resolve("j")); JournalWriter w = j.writer()) {
            Thread t = thread("pdig-journal");
            assertNotNull(t);
            w.accept(SampleEvents.all().get(0));
            w.flush();
            assertEquals(Thread.NORM_PRIORITY, t.getPriority(), "somebody waited for it");
            assertEquals(1, w.stats().eventsWritten());
        }
    }

    @Test
    void chronicleRunsWithoutJnaAndWithItsNoOpAffinity() throws Exception {
        ChronicleJournal.configureChronicle();
        // JNA left out of the build on purpose: with it, Chronicle's affinity library extracts
        // JNA's native library and runs `ldconfig -p` in a child process at every pdig start.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.sun.jna.Platform"));
        Object impl = Class.forName("net.openhft.affinity.Affinity").getMethod("getAffinityImpl").invoke(null);
        assertEquals("NullAffinity", impl.getClass().getSimpleName());
    }
}
