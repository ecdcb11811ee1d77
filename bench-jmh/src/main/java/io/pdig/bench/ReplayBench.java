package io.pdig.bench;

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
import io.pdig.journal.Journal;
import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.JournalWriter;
import io.pdig.journal.ReaderOptions;
import io.pdig.model.event.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole replay loop, one operation = one pass over a journal, on one thread: Chronicle tailer,
 * CRC32C and sequence checks, decode, state tables, the upstream stable rules, alerts built (no
 * sink). The same work as `pdig replay --stats` measures, once the JIT has compiled it, so the
 * two together separate the loop's steady-state cost from a cold JVM's warm-up. Events/s = the
 * event count printed at set-up divided by the score (seconds per pass).
 *
 * <p>{@code -Dpdig.bench.journal=DIR} replays that journal (e.g. six `find /usr` runs); without it,
 * the synthetic find workload is written to a temporary journal first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED", "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
        "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED"})
public class ReplayBench {
    private Journal journal;
    private LoadResult rules;
    private long events;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String dir = System.getProperty("pdig.bench.journal");
        if (dir != null) {
            journal = Journal.openExisting(Path.of(dir));
        } else {
            journal = Journal.temporary(JournalConfig.defaults());
            try (JournalWriter w = journal.writer()) {
                for (Event e : FindWorkload.synthetic(Path.of("/usr"), 1_000_000)) w.accept(e);
            }
        }
        rules = RuleLoader.loadFiles(List.of(FindWorkload.rulesFile()), FieldRegistry.standard());
        if (!rules.errors().isEmpty()) throw new IllegalStateException("rules: " + rules.errors());
        events = pass();
        System.out.println("ReplayBench: " + events + " events per pass");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        journal.close();
    }

    @Benchmark
    public long replay() {
        long n = pass();
        if (n != events) throw new IllegalStateException("a pass read " + n + " events, the first " + events);
        return n;
    }

    private long pass() {
        RuleEngine engine = new RuleEngine(rules, RuleMatching.FIRST, Priority.DEBUG);
        try (Detector d = new Detector(engine, new AlertFactory("bench"), List.of(), UserDirectory.rootOnly(),
                StateLimits.DEFAULT, "bench");
             JournalReader r = journal.reader(ReaderOptions.fromStart())) {
            for (JournalRecord rec; (rec = r.next()) != null; ) d.process(rec.seq(), rec.event());
            return d.events();
        }
    }
}
