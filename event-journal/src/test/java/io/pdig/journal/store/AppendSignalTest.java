package io.pdig.journal.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-over between the in-process writer and idle follow readers. Every wait below has a
 * 60 s timeout, so a lost wake-up shows as a thread still alive after the join.
 */
@Timeout(30)
class AppendSignalTest {
    private static final long LONG_WAIT = 60_000;

    private static Thread waiter(AppendSignal s, long seen, AtomicBoolean waited) {
        Thread t = new Thread(() -> {
            try {
                waited.set(s.await(seen, LONG_WAIT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.TIMED_WAITING && t.isAlive()) Thread.sleep(1);
    }

    @Test
    void noWaitWithoutAWriterOrWhenSomethingNewIsPublished() throws Exception {
        AppendSignal s = new AppendSignal();
        assertFalse(s.await(-1, LONG_WAIT), "no writer of this process: the reader must poll");
        s.writerOpened();
        s.published(5);
        assertFalse(s.await(4, LONG_WAIT), "seq 5 is new to a reader that saw 4");
    }

    @Test
    void aPublishedBatchWakesAWaitingReader() throws Exception {
        AppendSignal s = new AppendSignal();
        s.writerOpened();
        s.published(5);
        AtomicBoolean waited = new AtomicBoolean();
        Thread t = waiter(s, 5, waited);
        awaitWaiting(t);
        s.published(6);
        t.join(10_000);
        assertFalse(t.isAlive(), "the reader is still waiting after the batch was published");
        assertTrue(waited.get());
    }

    @Test
    void theWritersCloseAndWakeAllEndTheWait() throws Exception {
        AppendSignal s = new AppendSignal();
        s.writerOpened();
        Thread closed = waiter(s, -1, new AtomicBoolean());
        awaitWaiting(closed);
        s.writerClosed();
        closed.join(10_000);
        assertFalse(closed.isAlive(), "writer closed: the reader goes back to polling");
        assertFalse(s.writerOpen());

        s.writerOpened();
        Thread woken = waiter(s, -1, new AtomicBoolean());
        awaitWaiting(woken);
        s.wakeAll();
        woken.join(10_000);
        assertFalse(woken.isAlive(), "a reader being closed is woken");
    }

    @Test
    void noWakeUpIsLostWhenPublishingRacesTheWait() throws Exception {
        AppendSignal s = new AppendSignal();
        s.writerOpened();
        for (int i = 0; i < 2000; i++) {
            long seen = i;
            Thread t = waiter(s, seen, new AtomicBoolean());
            s.published(seen + 1); // before, during or after the reader's check
            t.join(10_000);
            assertFalse(t.isAlive(), "round " + i + ": wake-up lost");
        }
    }
}
