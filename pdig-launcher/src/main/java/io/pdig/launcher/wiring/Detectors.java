package io.pdig.launcher.wiring;

import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.engine.RuleMatching;
import io.pdig.analyzer.live.Detector;
import io.pdig.analyzer.live.WebhookAlertSink;
import io.pdig.analyzer.output.AlertFactory;
import io.pdig.analyzer.output.AlertSink;
import io.pdig.analyzer.output.LineAlertSink;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.state.PasswdUserDirectory;
import io.pdig.analyzer.state.StateLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Detector} with the alert outputs the options ask for. */
public final class Detectors {
    private Detectors() {
    }

    public static Detector create(LoadResult rules, boolean allMatches, boolean json, Path alertsFile, List<URI> webhooks,
                                  String hostname, PrintStream err) throws IOException {
        List<AlertSink> sinks = new ArrayList<>();
        LineAlertSink.Format format = json ? LineAlertSink.Format.JSON : LineAlertSink.Format.TEXT;
        sinks.add(alertsFile != null ? new ReportedAlertSink(LineAlertSink.appendingTo(alertsFile, format), "--alerts " + alertsFile, err)
                : new LineAlertSink(err, format));
        for (URI u : webhooks) {
            sinks.add(new ReportedAlertSink(new WebhookAlertSink(u, WebhookAlertSink.DEFAULT_QUEUE), "--webhook " + u, err));
        }
        RuleEngine engine = new RuleEngine(rules, allMatches ? RuleMatching.ALL : RuleMatching.FIRST, Priority.DEBUG);
        return new Detector(engine, new AlertFactory(hostname), sinks, PasswdUserDirectory.host(), StateLimits.DEFAULT,
                hostname);
    }
}
