package io.pdig.launcher.wiring;

import io.pdig.analyzer.output.Alert;
import io.pdig.analyzer.output.AlertSink;
import java.io.PrintStream;

/**
 * Says on stderr when an alert output loses alerts (a full disk under --alerts, a webhook that
 * does not answer): once, at the first loss seen, and with the total when it closes. A security
 * agent must not drop alerts silently. Used like the sink it wraps (the detection thread).
 */
final class ReportedAlertSink implements AlertSink {

    private final AlertSink inner;
    private final String name;
    private final PrintStream err;
    private boolean firstLossSaid;

    ReportedAlertSink(AlertSink inner, String name, PrintStream err) {
        this.inner = inner;
        this.name = name;
        this.err = err;
    }

    @Override
    public void accept(Alert alert) {
        inner.accept(alert);
        if (!firstLossSaid) {
            String loss = inner.lossReport();
            if (loss != null) {
                firstLossSaid = true;
                err.println("pdig: " + name + ": alerts are being lost: " + loss);
                err.flush();
            }
        }
    }

    @Override
    public void prepare(Alert sample) {
        inner.prepare(sample);
    }

    @Override
    public String lossReport() {
        return inner.lossReport();
    }

    @Override
    public void close() {
        inner.close();
        String loss = inner.lossReport();
        if (loss != null) {
            err.println("pdig: " + name + ": " + loss);
            err.flush();
        }
    }
}
