package io.pdig.analyzer.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** JSON lines: one Falco JSON alert ({@link JsonAlerts}) per line, flushed per alert. */
public final class JsonAlertSink implements AlertSink {
    private final PrintStream out;
    private final boolean owned;

    /** Writes to a stream the caller owns (stdout): it is flushed, never closed. */
    public JsonAlertSink(PrintStream out) {
        this(out, false);
    }

    private JsonAlertSink(PrintStream out, boolean owned) {
        this.out = out;
        this.owned = owned;
    }

    /** Appends to a file (created if missing); closing the sink closes the file. */
    public static JsonAlertSink appendingTo(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new JsonAlertSink(new PrintStream(os, false, StandardCharsets.UTF_8), true);
    }

    @Override
    public void accept(Alert alert) {
        out.print(JsonAlerts.toLine(alert));
        out.print('\n');
        out.flush();
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
