package io.pdig.launcher.cli;

import io.pdig.model.event.Event;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.render.SummarySort;
import io.pdig.model.render.SummaryTable;

/**
 * `pdig dump -c`: the -c table of a journal's syscalls, as `pdig run -c` printed it live. The
 * ptrace stops are the tracer's "stops" counter of each session's end record, summed over the
 * sessions read from their start to their end; a session read without either (killed pdig, --since
 * inside it, a writer still running) has an unknown count, and then so has the total, said so
 * rather than printed short.
 */
final class DumpSummary {
    private final SummaryTable table = new SummaryTable();
    private long stops;
    private boolean stopsKnown = true;
    /** A session start was read and its end not yet. */
    private boolean inSession;

    void add(Event e) {
        if (e instanceof SessionEvent.Start) {
            if (inSession) stopsKnown = false; // the session before had no end
            inSession = true;
        } else if (e instanceof SessionEvent.End end) {
            Long n = end.counters().get("stops");
            if (!inSession || n == null) {
                stopsKnown = false;
            } else {
                stops += n;
            }
            inSession = false;
        } else {
            table.add(e);
        }
    }

    String render(SummarySort sort) {
        boolean known = stopsKnown && !inSession;
        return table.render(known ? Long.toString(stops) : "unknown (a session was read without its start or end record)", sort);
    }
}
