package io.pdig.bench;

import io.pdig.journal.Journal;
import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.JournalWriter;
import io.pdig.journal.ReaderOptions;
import io.pdig.journal.codec.JournalSchema;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.journal.codec.RecordEncoder;
import io.pdig.model.event.Event;
import java.util.Arrays;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The journal read path, one operation = one event: {@link #readJournal} is the whole path replay
 * uses (Chronicle tailer, CRC32C check, sequence checks, decode into events) over a real
 * Chronicle journal; {@link #decodeOnly} is CRC32C plus decode of the same records from memory,
 * to tell Chronicle's share from the codec's.
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
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED", "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
        "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED"})
public class JournalReadBench {
    static final int EVENTS = 200_000;

    private Journal journal;
    private byte[][] records;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<Event> events = FindWorkload.events(EVENTS);
        if (events.size() < EVENTS) throw new IllegalStateException("workload has only " + events.size() + " events");
        events = events.subList(0, EVENTS);
        journal = Journal.temporary(JournalConfig.defaults());
        try (JournalWriter w = journal.writer()) {
            for (Event e : events) w.accept(e);
        }
        RecordEncoder enc = new RecordEncoder();
        records = new byte[EVENTS][];
        for (int i = 0; i < EVENTS; i++) {
            enc.encode(i, events.get(i), i % JournalSchema.KEYFRAME_INTERVAL == 0);
            records[i] = Arrays.copyOf(enc.array(), enc.length());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        journal.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long readJournal(Blackhole bh) {
        long n = 0;
        try (JournalReader r = journal.reader(ReaderOptions.fromStart())) {
            for (JournalRecord rec; (rec = r.next()) != null; ) {
                bh.consume(rec);
                n++;
            }
        }
        if (n != EVENTS) throw new IllegalStateException("read " + n + " events, wrote " + EVENTS);
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void decodeOnly(Blackhole bh) {
        RecordDecoder d = new RecordDecoder();
        for (byte[] r : records) {
            if (!d.checksumOk(r, 0, r.length)) throw new IllegalStateException("checksum");
            bh.consume(d.decode(r, 0, r.length));
        }
    }
}
