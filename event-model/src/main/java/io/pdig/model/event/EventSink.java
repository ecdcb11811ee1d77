package io.pdig.model.event;

/**
 * Where a driver delivers events. Implemented by the journal writer (and by test collectors).
 *
 * <p>Threading: a driver calls {@link #accept} from its single event thread only, in event
 * order; implementations need not be thread-safe for accept, but {@link #close} may come from the
 * thread that owns the session after the driver has stopped.
 */
public interface EventSink extends AutoCloseable {
    void accept(Event event);

    /** Called once when the driver will deliver no more events. */
    @Override
    default void close() {
    }
}
