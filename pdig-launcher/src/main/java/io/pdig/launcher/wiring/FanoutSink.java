package io.pdig.launcher.wiring;

import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Hands each event to several sinks in order (journal first). A sink that throws is reported once
 * on stderr and skipped from then on: a broken printer must not stop the trace.
 *
 * <p>Threading: called from the driver's event thread only.
 */
final class FanoutSink implements EventSink {
    private final EventSink[] sinks;
    private final boolean[] broken;
    private final BiConsumer<String, String> report;

    /** {@code report(cause, consequence)} prints a one-line diagnostic (the pipeline's: each cause once). */
    FanoutSink(List<EventSink> sinks, BiConsumer<String, String> report) {
        this.sinks = sinks.toArray(new EventSink[0]);
        this.broken = new boolean[this.sinks.length];
        this.report = report;
    }

    @Override
    public void accept(Event event) {
        for (int i = 0; i < sinks.length; i++) {
            if (broken[i]) continue;
            try {
                sinks[i].accept(event);
            } catch (RuntimeException e) {
                broken[i] = true;
                report.accept(e.getMessage() != null ? e.getMessage() : e.toString(),
                        "this output is disabled; tracing continues");
            }
        }
    }
}
