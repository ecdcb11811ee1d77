package io.pdig.launcher.wiring;

import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import io.pdig.model.event.ProcessEvent;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Remembers when each signal was last delivered to a tracee, so that a signal pdig receives
 * together with its tracee (Ctrl-C reaches the whole foreground process group) is not forwarded a
 * second time: the tracee's handler must run once, as it would untraced.
 *
 * <p>Written by the driver thread (as a sink), read by the signal thread.
 */
public final class RecentSignals implements EventSink {
    private static final long WAIT_FOR_DELIVERY_NANOS = 40_000_000L;
    private static final long SAME_SIGNAL_WINDOW_NANOS = 250_000_000L;

    private final AtomicLongArray lastDelivery = new AtomicLongArray(65);

    @Override
    public void accept(Event event) {
        if (event instanceof ProcessEvent.Signal s && s.signo() > 0 && s.signo() < 65) {
            lastDelivery.set(s.signo(), System.nanoTime());
        }
    }

    /**
     * True when a tracee received {@code signo} itself around now. Waits briefly first: when the
     * signal went to the whole group, the tracee's delivery stop may reach the tracer just after
     * pdig's own handler ran.
     */
    public boolean deliveredAlongside(int signo) {
        if (signo <= 0 || signo >= 65) return false;
        long asked = System.nanoTime();
        long deadline = asked + WAIT_FOR_DELIVERY_NANOS;
        while (System.nanoTime() < deadline) {
            long t = lastDelivery.get(signo);
            if (t != 0 && asked - t < SAME_SIGNAL_WINDOW_NANOS) return true;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
