package io.pdig.analyzer.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Falco's text alert lines ({@link Alert#textLine()}), one per line, flushed per alert. */
public final class TextAlertSink implements AlertSink {
    private final PrintStream out;
    private final boolean owned;

    /** Writes to a stream the caller owns (stdout): it is flushed, never closed. */
    public TextAlertSink(PrintStream out) {
        this(out, false);
    }

    private TextAlertSink(PrintStream out, boolean owned) {
        this.out = out;
        this.owned = owned;
    }

    /** Appends to a file (created if missing); closing the sink closes the file. */
    public static TextAlertSink appendingTo(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new TextAlertSink(new PrintStream(os, false, StandardCharsets.UTF_8), true);
    }

    @Override
    public void accept(Alert alert) {
        out.print(alert.textLine());
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
