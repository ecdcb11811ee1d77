package io.pdig.journal;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.journal.chronicle.ChronicleJournal;
import io.pdig.model.event.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    /**
     * Idle for longer than both sides' polling phase (100 ms), the journal thread and a follow
     * reader wait for each other's signal rather than waking up every few milliseconds; the next
     * event must still reach the reader at once, not after their 1 s safety-net timeouts.
     */
    @Test
    @Timeout(60)
    void anIdleWriterAndFollowerAreWokenByTheNextEvent() throws Exception {
        try (Journal j = Journal.open(tmp.resolve("j")); JournalWriter w = j.writer();
             JournalReader r = j.reader(ReaderOptions.fromStart().following(true))) {
            BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
            Thread follower = new Thread(() -> {
                while (r.next() != null) arrivals.add(System.nanoTime());
            }, "follower");
            follower.start();
            List<Event> events = SampleEvents.all();
            w.accept(events.get(0));
            assertNotNull(arrivals.poll(30, TimeUnit.SECONDS), "the first event (after the journal's open)");
            for (int round = 1; round <= 4; round++) {
                Thread.sleep(400);
                long sent = System.nanoTime();
                w.accept(events.get(round));
                Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
                assertNotNull(arrived, "round " + round);
                long ms = (arrived - sent) / 1_000_000;
                assertTrue(ms < 300, "round " + round + ": the event took " + ms + " ms to reach the idle reader");
            }
            r.close();
            follower.join(5_000);
            assertFalse(follower.isAlive());
        }
    }
}
