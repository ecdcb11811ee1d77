package io.pdig.analyzer.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * One alert per line, flushed per alert: Falco's text line ({@link Alert#textLine()}) or Falco's
 * JSON alert ({@link JsonAlerts}).
 */
public final class LineAlertSink implements AlertSink {

    /** The two line formats Falco writes. */
    public enum Format {
        TEXT(Alert::textLine),
        JSON(JsonAlerts::toLine);

        private final Function<Alert, String> render;

        Format(Function<Alert, String> render) {
            this.render = render;
        }
    }

    private final PrintStream out;
    private final Format format;
    private final boolean owned;
    /** Alerts whose write failed (PrintStream keeps the error to itself until asked). */
    private final java.util.concurrent.atomic.AtomicLong lost = new java.util.concurrent.atomic.AtomicLong();

    /** Writes to a stream the caller owns (stderr): it is flushed, never closed. */
    public LineAlertSink(PrintStream out, Format format) {
        this(out, format, false);
    }

    private LineAlertSink(PrintStream out, Format format, boolean owned) {
        this.out = out;
        this.format = format;
        this.owned = owned;
    }

    /** Appends to a file (created if missing); closing the sink closes the file. */
    public static LineAlertSink appendingTo(Path file, Format format) throws IOException {
        OutputStream os = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new LineAlertSink(new PrintStream(os, false, StandardCharsets.UTF_8), format, true);
    }

    @Override
    public void accept(Alert alert) {
        out.print(format.render.apply(alert));
        out.print('\n');
        // checkError flushes; once a write failed the stream stays in error, so every later alert
        // is counted as lost too, which it is.
        if (out.checkError()) lost.incrementAndGet();
    }

    @Override
    public String lossReport() {
        long n = lost.get();
        return n == 0 ? null : n + " alert" + (n == 1 ? "" : "s") + " could not be written (a failed write: disk full?)";
    }

    @Override
    public void prepare(Alert sample) {
        format.render.apply(sample);
    }

    @Override
    public void close() {
        if (owned) {
            out.close();
        } else {
            out.flush();
        }
    }
}
