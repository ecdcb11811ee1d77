package io.pdig.launcher.wiring;

import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import io.pdig.model.render.SummaryTable;

/** -c/--summary: counts per syscall, rendered at the end with the driver's stop count. */
final class SummarySink implements EventSink {
    final SummaryTable table = new SummaryTable();

    @Override
    public void accept(Event event) {
        table.add(event);
    }
}
