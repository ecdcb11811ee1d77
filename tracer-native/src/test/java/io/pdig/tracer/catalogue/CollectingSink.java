package io.pdig.tracer.catalogue;

import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link EventSink} that keeps every event. The driver calls {@link #accept} from its event
 * thread while the test thread reads snapshots, so all access goes through this object's monitor.
 */
final class CollectingSink implements EventSink {

    private final List<Event> events = new ArrayList<>();
    private int closeCount;

    @Override
    public synchronized void accept(Event event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closeCount++;
        notifyAll();
    }

    synchronized List<Event> snapshot() {
        return List.copyOf(events);
    }

    synchronized int closeCount() {
        return closeCount;
    }

    /** Waits until some event matches, or the timeout passes; returns the match or null. */
    synchronized Event await(Predicate<Event> p, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        int seen = 0;
        while (true) {
            for (; seen < events.size(); seen++) {
                if (p.test(events.get(seen))) {
                    return events.get(seen);
                }
            }
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }
}
