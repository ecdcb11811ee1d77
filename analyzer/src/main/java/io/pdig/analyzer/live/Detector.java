package io.pdig.analyzer.live;

import io.pdig.analyzer.Analyzer;
import io.pdig.analyzer.dns.DomainNameCache;
import io.pdig.analyzer.dns.HostResolver;
import io.pdig.analyzer.dns.RefreshSchedule;
import io.pdig.analyzer.engine.Match;
import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.output.Alert;
import io.pdig.analyzer.output.AlertFactory;
import io.pdig.analyzer.output.AlertSink;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.state.StateLimits;
import io.pdig.analyzer.state.UserDirectory;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.SyscallEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events in, alerts out: the state tables, the rule engine and the alert sinks put together. The
 * same object serves live detection, the sidecar and replay, which is why they agree.
 *
 * <p>Also raises pdig's own health alerts (like Falco's drop alerts) when the tracer reports
 * dropped events or the caller reports that detection fell behind.
 *
 * <p>Not thread-safe: one thread (the journal reader's) owns a Detector.
 */
public final class Detector implements AutoCloseable {

    public static final String DROP_RULE = "pdig internal: syscall event drop";
    public static final String LAG_RULE = "pdig internal: detection falling behind";

    private final RuleEngine engine;
    private final AlertFactory alerts;
    private final List<AlertSink> sinks;
    private final Analyzer analyzer;
    /** Looks up the rules' domain names (fd.*ip.name); null when no rule has any. Closed with this. */
    private final DomainNameCache domainNames;
    private final String hostname;
    private long events;
    private long alertCount;
    private long lastSeq = -1;
    /** Syscall time to alert handed to the sinks, for --stats and the latency benchmark. */
    private final LatencyHistogram alertLatency = new LatencyHistogram();

    public Detector(RuleEngine engine, AlertFactory alerts, List<AlertSink> sinks, UserDirectory users,
                    StateLimits limits, String hostname) {
        this(engine, alerts, sinks, users, limits, hostname, HostResolver.jdk());
    }

    /**
     * As above, with the resolver of the rules' domain names: the JDK's (DNS) normally. Their
     * lookups start here, in the background, when the engine has any ({@link RuleEngine#domainNames}).
     */
    public Detector(RuleEngine engine, AlertFactory alerts, List<AlertSink> sinks, UserDirectory users,
                    StateLimits limits, String hostname, HostResolver resolver) {
        this.engine = engine;
        this.alerts = alerts;
        this.sinks = List.copyOf(sinks);
        this.hostname = hostname;
        // One bound method reference for the detector's life: made per event it would be an
        // allocation through a method handle and a VM call in C1-compiled code.
        java.util.function.Consumer<Match> emitter = this::emit;
        this.domainNames = engine.domainNames().isEmpty() ? null
                : DomainNameCache.start(engine.domainNames(), resolver, RefreshSchedule.FALCO);
        this.analyzer = new Analyzer(users, limits, ctx -> {
            String type = ((SyscallEvent) ctx.event()).name();
            engine.evaluate(type, ctx, emitter);
        }, domainNames);
    }

    /**
     * Waits, at most {@code timeout}, until each of the rules' domain names has had its first
     * lookup; true when they all have (or there are none). Replay calls it before the first event,
     * so its alerts do not depend on how fast the first answers came; live detection never waits.
     */
    public boolean awaitDomainNames(Duration timeout) throws InterruptedException {
        return domainNames == null || domainNames.awaitFirstLookups(timeout);
    }

    /**
     * Runs a sample alert through every sink's rendering without delivering it. Call once on the
     * detection thread before the first event: the first real alert then finds the formatting and
     * JSON classes loaded (otherwise it waits ~300 ms for them while events queue up behind it).
     */
    public void prepareAlertPath() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("evt.time", 0L);
        fields.put("proc.name", "pdig");
        fields.put("fd.num", 3L);
        fields.put("evt.is_open_read", Boolean.TRUE);
        fields.put("user.loginname", null);
        Alert sample = new Alert(System.currentTimeMillis() * 1_000_000L, "pdig warm-up", Priority.NOTICE, "syscall",
                List.of("warm-up"), "warm-up sample", fields, hostname);
        sample.textLine();
        for (AlertSink s : sinks) {
            s.prepare(sample);
        }
    }

    /** Processes one journal record; sequence numbers must increase. */
    public void process(long seq, Event event) {
        analyzer.process(seq, event);
        events++;
        lastSeq = seq;
        if (event instanceof NoticeEvent n && n.kind() == NoticeEvent.Kind.DROPPED_EVENTS) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("evt.time", n.ts());
            fields.put("n_drops", n.count());
            send(new Alert(n.ts(), DROP_RULE, Priority.CRITICAL, "internal", List.of(),
                    "Syscall event drop: " + n.count() + " events dropped by the tracer (" + n.message() + ")",
                    fields, hostname));
        }
    }

    /**
     * Reports that detection runs {@code lagNanos} behind the tracer. The caller decides when that
     * is worth an alert (and rate-limits it).
     */
    public void reportLag(long nowNanos, long lagNanos, long pendingEvents) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("evt.time", nowNanos);
        fields.put("lag_ms", lagNanos / 1_000_000);
        fields.put("pending_events", pendingEvents);
        send(new Alert(nowNanos, LAG_RULE, Priority.WARNING, "internal", List.of(),
                "Detection is falling behind the tracer: " + lagNanos / 1_000_000 + " ms behind, about "
                        + pendingEvents + " events pending", fields, hostname));
    }

    private void emit(Match m) {
        send(alerts.create(m.context(), m.rule().name(), m.rule().priority(), m.rule().source(), m.rule().tags(),
                m.rule().output()));
    }

    private void send(Alert a) {
        alertCount++;
        for (AlertSink s : sinks) {
            s.accept(a);
        }
        java.time.Instant written = java.time.Instant.now();
        alertLatency.record(written.getEpochSecond() * 1_000_000_000L + written.getNano() - a.ts());
    }

    public long events() {
        return events;
    }

    public long alerts() {
        return alertCount;
    }

    public LatencyHistogram alertLatency() {
        return alertLatency;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public RuleEngine engine() {
        return engine;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Closes every sink (flushing files, draining webhook queues within their bounds) and stops the
     * domain-name lookups.
     */
    @Override
    public void close() {
        try {
            for (AlertSink s : sinks) {
                s.close();
            }
        } finally {
            if (domainNames != null) domainNames.close();
        }
    }
}
