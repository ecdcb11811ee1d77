package io.pdig.launcher.wiring;

import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import io.pdig.model.render.StraceFormatter;
import java.io.PrintStream;

/**
 * --print: one strace-like line per event. To stderr each line is flushed (someone is watching);
 * to a file the stream is buffered and flushed at close.
 */
final class PrintSink implements EventSink {
    private final StraceFormatter formatter = new StraceFormatter();
    private final PrintStream out;
    private final boolean flushEachLine;
    private final boolean owned;

    PrintSink(PrintStream out, boolean flushEachLine, boolean owned) {
        this.out = out;
        this.flushEachLine = flushEachLine;
        this.owned = owned;
    }

    @Override
    public void accept(Event event) {
        String line = formatter.format(event);
        if (line == null) return;
        out.println(line);
        if (flushEachLine) out.flush();
    }

    @Override
    public void close() {
        out.flush();
        if (owned) out.close();
    }
}
