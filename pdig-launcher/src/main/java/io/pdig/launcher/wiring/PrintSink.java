package io.pdig.launcher.wiring;

import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import io.pdig.model.render.LineStamps;
import io.pdig.model.render.StraceFormatter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * --print: one strace-like line per event. To stderr each line is flushed (someone is watching);
 * to a file the stream is buffered and flushed at close. A file that cannot be written (a full
 * disk, /dev/full) is reported once on stderr, with the cause, instead of losing the trace
 * silently; the trace itself goes on (the journal and detection do not depend on it). Confined to
 * the thread that delivers events, then the one that closes the pipeline.
 */
final class PrintSink implements EventSink {
    /** Lines between checks of a buffered file for a failed write. */
    private static final int CHECK_EVERY = 1024;

    private final StraceFormatter formatter = new StraceFormatter();
    /** -t/-tt/-ttt and -T, or null. */
    private final LineStamps stamps;
    private final PrintStream out;
    private final boolean flushEachLine;
    private final boolean owned;
    private final String name;
    private final PrintStream diagnostics;
    private final ErrorRecorder recorder;
    private long lines;
    private boolean failed;

    /** Lines to a stream pdig does not own (stderr): nowhere to report its failures. */
    PrintSink(PrintStream out, boolean flushEachLine, boolean owned, LineStamps stamps) {
        this.out = out;
        this.stamps = stamps;
        this.flushEachLine = flushEachLine;
        this.owned = owned;
        this.name = null;
        this.diagnostics = null;
        this.recorder = null;
    }

    /** Lines to a file named {@code name}, opened here; failed writes are reported to {@code diagnostics}. */
    PrintSink(OutputStream file, String name, PrintStream diagnostics, LineStamps stamps) {
        this.stamps = stamps;
        this.recorder = new ErrorRecorder(file);
        this.out = new PrintStream(recorder, false);
        this.flushEachLine = false;
        this.owned = true;
        this.name = name;
        this.diagnostics = diagnostics;
    }

    @Override
    public void accept(Event event) {
        if (failed) return;
        String line = formatter.format(event);
        if (line == null) return;
        out.println(stamps == null ? line : stamps.apply(line, event));
        if (flushEachLine) out.flush();
        if (diagnostics != null && ++lines % CHECK_EVERY == 0 && out.checkError()) reportFailure();
    }

    @Override
    public void close() {
        out.flush();
        if (diagnostics != null && !failed && out.checkError()) reportFailure();
        if (owned) out.close();
    }

    private void reportFailure() {
        failed = true;
        String cause = recorder.last == null ? "write failed" : recorder.last.getMessage();
        diagnostics.println("pdig: --print " + name + ": " + cause + "; the trace written there is incomplete");
        diagnostics.flush();
    }

    /** Keeps the last write error, which PrintStream would otherwise reduce to a flag. */
    private static final class ErrorRecorder extends FilterOutputStream {
        volatile IOException last;

        ErrorRecorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                last = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                last = e;
                throw e;
            }
        }
    }
}
