package io.pdig.journal.store;

/**
 * Tells follow-mode readers of this process that the writer of this process appended a batch, so
 * that an idle reader can wait for that instead of waking up every poll interval to look. One per
 * {@link StoreJournal}; a writer in another process never signals (its readers keep polling).
 *
 * <p>No wake-up is lost: {@link #published} stores the sequence number and then reads
 * {@code waiters}; {@link #await} counts itself in and then reads the sequence number. Both are
 * volatile, so at least one of the two sees the other's write. The timeouts are a safety net only.
 *
 * <p>Threading: {@link #published} and {@link #writerClosed} on the writer's journal thread (or
 * any thread), {@link #await} on reader threads, {@link #wakeAll} from any thread.
 */
final class AppendSignal {
    private volatile long publishedSeq = -1;
    private volatile boolean writerOpen;
    private volatile int waiters;

    /** A writer of this process opened: from now on appends are signalled, until it closes. */
    void writerOpened() {
        writerOpen = true;
    }

    /** Whether a reader may wait for a signal rather than poll. */
    boolean writerOpen() {
        return writerOpen;
    }

    /** Records up to {@code lastSeq} are in the store and readable; wakes waiting readers. */
    void published(long lastSeq) {
        publishedSeq = lastSeq;
        if (waiters > 0) wakeAll();
    }

    /** The writer closed: nothing more will be signalled, so waiting readers go back to polling. */
    void writerClosed() {
        writerOpen = false;
        wakeAll();
    }

    synchronized void wakeAll() {
        notifyAll();
    }

    /**
     * Waits until a record after {@code seenSeq} is published, the writer closes, {@link #wakeAll}
     * is called, or {@code timeoutMillis} pass. Returns false without waiting when a record after
     * {@code seenSeq} is already published or no writer is open.
     */
    synchronized boolean await(long seenSeq, long timeoutMillis) throws InterruptedException {
        waiters++;
        try {
            if (publishedSeq > seenSeq || !writerOpen) return false;
            wait(timeoutMillis);
            return true;
        } finally {
            waiters--;
        }
    }
}
