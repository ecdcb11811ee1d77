package io.pdig.journal;

import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;

/**
 * The single writer of a journal. {@link #accept} never waits for the store to open: events go to
 * a bounded in-memory buffer that a dedicated journal thread, owned by the writer, drains into the
 * store. When the buffer is full, {@link JournalConfig.Overflow#BLOCK} (the default) makes
 * {@code accept} wait (never drops); {@link JournalConfig.Overflow#DROP} never waits, counts each
 * dropped event and stores a {@code NoticeEvent(DROPPED_EVENTS, count)} as soon as there is room.
 *
 * <p>Threading: {@code accept} may be called from any one thread at a time (the driver's event
 * thread); {@link #close} from any thread, once the producer has stopped. Only one writer may be
 * open on a journal at a time, across processes (a lock file enforces it).
 */
public interface JournalWriter extends EventSink {

    /**
     * Queues one event. Throws {@link JournalException} if the journal thread has failed (the
     * message says why) or the writer is closed.
     */
    @Override
    void accept(Event event);

    /** Waits until every event accepted so far is in the store (or dropped). */
    void flush();

    /**
     * From now on a reader follows this journal live (pdig's detection): the writer must keep up
     * rather than run as background work. Any thread; idempotent. By default nothing changes.
     */
    default void readerFollowsLive() {
    }

    /**
     * One-line messages (each starting {@code journal DIR:}) about what was repaired when this
     * writer opened the journal, e.g. a store file that a killed writer left unfinished, set aside;
     * the caller shows them as warnings. Usually empty. Any thread.
     */
    default java.util.List<String> notices() {
        return java.util.List.of();
    }

    /** Counters so far; safe from any thread. */
    JournalStats stats();

    /**
     * Stores everything still buffered, stops and joins the journal thread, releases the store.
     * Throws {@link JournalException} if the journal thread failed.
     */
    @Override
    void close();
}
