package io.pdig.bench;

import io.pdig.analyzer.Analyzer;
import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.engine.RuleMatching;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.live.Detector;
import io.pdig.analyzer.output.AlertFactory;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.analyzer.state.StateLimits;
import io.pdig.analyzer.state.UserDirectory;
import io.pdig.model.event.Event;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The analyzer per event, one operation = one event of the find workload, already decoded:
 * {@link #stateOnly} updates the state tables (processes, fds, deferred removals) with no rules;
 * {@link #detector} is what replay runs per event: state plus the upstream Falco rules
 * (falco_rules.yaml) through the rule engine, alerts included. A fresh analyzer per invocation,
 * so the tables see the events in journal order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED"})
public class AnalyzerBench {
    static final int EVENTS = 200_000;

    private Event[] events;
    private LoadResult rules;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<Event> l = FindWorkload.events(EVENTS);
        events = l.subList(0, Math.min(EVENTS, l.size())).toArray(Event[]::new);
        if (events.length < EVENTS) throw new IllegalStateException("workload has only " + events.length + " events");
        rules = RuleLoader.loadFiles(List.of(FindWorkload.rulesFile()), FieldRegistry.standard());
        if (!rules.errors().isEmpty()) throw new IllegalStateException("rules: " + rules.errors());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Analyzer stateOnly() {
        Analyzer a = new Analyzer(UserDirectory.rootOnly(), StateLimits.DEFAULT, ctx -> {
        });
        for (int i = 0; i < events.length; i++) a.process(i, events[i]);
        return a;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long detector() {
        RuleEngine engine = new RuleEngine(rules, RuleMatching.FIRST, Priority.DEBUG);
        try (Detector d = new Detector(engine, new AlertFactory("bench"), List.of(), UserDirectory.rootOnly(),
                StateLimits.DEFAULT, "bench")) {
            for (int i = 0; i < events.length; i++) d.process(i, events[i]);
            return d.alerts();
        }
    }
}
