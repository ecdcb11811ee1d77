package io.pdig.bench;

import io.pdig.analyzer.Analyzer;
import io.pdig.analyzer.fields.EvalContext;
import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.state.StateLimits;
import io.pdig.analyzer.state.UserDirectory;
import io.pdig.model.event.Event;
import io.pdig.model.event.SyscallEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction of the fields the upstream rules test most on file events, one operation = one
 * extraction, on the context of an openat of the find workload (the fd it opened, the find
 * process). Shows what a field costs beyond the state it reads (e.g. allocating its value).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FieldBench {
    @Param({"evt.type", "fd.typechar", "fd.directory", "fd.name", "proc.name", "proc.pname", "evt.is_open_read"})
    public String field;

    private FieldDef def;
    private EvalContext ctx;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        def = FieldRegistry.standard().lookup(field);
        if (def == null) throw new IllegalStateException("no field " + field);
        EvalContext[] seen = new EvalContext[1];
        Analyzer a = new Analyzer(UserDirectory.rootOnly(), StateLimits.DEFAULT, c -> {
            if (seen[0] == null && c.event() instanceof SyscallEvent s && s.name().equals("openat")) seen[0] = c;
        });
        List<Event> events = FindWorkload.synthetic(java.nio.file.Path.of("/usr"), 64);
        // Up to and including the first openat: its context stays set until the next event.
        for (int i = 0; i < events.size() && seen[0] == null; i++) a.process(i, events.get(i));
        if (seen[0] == null) throw new IllegalStateException("no openat in the workload");
        ctx = seen[0];
        if (def.extract(ctx, null) == null && !field.equals("proc.pname")) {
            throw new IllegalStateException(field + " has no value on the openat context");
        }
    }

    @Benchmark
    public Object extract() {
        return def.extract(ctx, null);
    }
}
