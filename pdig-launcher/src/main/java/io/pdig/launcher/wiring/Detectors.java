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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Detector} with the alert outputs the options ask for. */
public final class Detectors {
    /**
     * How long replay and analyze wait for the first answers for the rules' domain names: a few
     * lookups against a responsive DNS take milliseconds; this bounds a dead one.
     */
    static final Duration DOMAIN_NAMES_WAIT = Duration.ofSeconds(5);

    private Detectors() {
    }

    /**
     * For replay and analyze, before the first event: waits (at most {@link #DOMAIN_NAMES_WAIT})
     * until the rules' domain names have had their first lookup, so that the fd.*ip.name checks
     * of the first events do not depend on how fast DNS answered, and says in one line when some
     * are still pending. Live runs never wait (the traced program must not). Returns the time
     * waited, in ns.
     */
    public static long awaitDomainNames(Detector detector, PrintStream err) throws InterruptedException {
        long t0 = System.nanoTime();
        if (!detector.awaitDomainNames(DOMAIN_NAMES_WAIT)) {
            err.println("pdig: warning: DNS lookups of the rules' domain names (fd.*ip.name) still pending after "
                    + DOMAIN_NAMES_WAIT.toSeconds() + " s; until they finish, those names match nothing");
            err.flush();
        }
        return System.nanoTime() - t0;
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
