package io.pdig.launcher.wiring;

import io.pdig.journal.Journal;
import io.pdig.journal.JournalStats;
import io.pdig.journal.JournalWriter;
import io.pdig.journal.codec.JournalSchema;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.EventSink;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.render.LineStamps;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What runs behind a trace: tracer events go to the journal (always: a temporary one when no
 * --journal is given), to --print and -c; a detection thread reads the journal back with a named
 * reader and evaluates the rules, so a live run sees exactly what a replay of its journal sees.
 *
 * <p>Lifecycle: {@link #open}, hand {@link #sink()} to the driver, {@link #started}, then
 * {@link #finished} once the driver has stopped, then {@link #close}. Threading: the sink is used
 * by the driver thread; the other methods by the command's thread.
 */
public final class Pipeline implements AutoCloseable {

    private final PipelineConfig config;
    private final PrintStream err;
    private final Journal journal;
    private final JournalWriter writer;
    private final List<EventSink> sinks = new ArrayList<>();
    private final SummarySink summary;
    private final DetectionLoop detection;
    private final EventSink sink;
    private final RecentSignals recentSignals = new RecentSignals();
    private boolean finished;

    private Pipeline(PipelineConfig config, PrintStream err) throws IOException {
        this.config = config;
        this.err = err;
        EarlyJournal.Opened early = !config.noJournal() && config.journalDir() == null ? EarlyJournal.take(config.journal()) : null;
        if (early != null) {
            this.journal = early.journal();
        } else {
            this.journal = config.noJournal() ? null : config.journalDir() != null
                    ? Journal.open(config.journalDir(), config.journal()) : Journal.temporary(config.journal());
        }
        JournalWriter w = early != null ? early.writer() : null;
        DetectionLoop d = null;
        try {
            SessionEvent.Start start = SessionFacts.start(config.command(), config.attachPid(), JournalSchema.VERSION);
            if (journal != null) {
                if (w == null) w = journal.writer();
                // What the writer repaired to open the journal (a store file a killed pdig left
                // unfinished, set aside): the user should know, but the run goes on.
                for (String notice : w.notices()) say("warning: " + notice);
                try {
                    w.accept(start);
                } catch (RuntimeException e) {
                    // The journal's thread already failed to open it (a full disk): handled as when
                    // it fails a moment later, on the first event (FanoutSink, the same line once),
                    // not as a failure of pdig that keeps the command from running.
                    say(e.getMessage() != null ? e.getMessage() : e.toString(), "this output is disabled; tracing continues");
                }
                sinks.add(w);
            }
            if (config.printTo() != null) {
                sinks.add(printSink(config.printTo(), config.printStamps()));
            }
            if (config.summary() != null) {
                sinks.add(summary = new SummarySink());
            } else {
                summary = null;
            }
            if (config.rules() != null && journal != null) {
                // The detector is built on the detection thread: the tracee need not wait for it.
                String host = start.hostname();
                DetectionLoop.DetectorFactory factory = () -> Detectors.create(config.rules().get(), config.allMatches(),
                        config.json(), config.alertsFile(), config.webhooks(), host, err);
                JournalWriter ww = w;
                d = new DetectionLoop(journal, factory, start, () -> ww.stats().lastSeq(), err);
            }
        } catch (IOException | RuntimeException e) {
            if (d != null) d.abort();
            if (w != null) w.close();
            if (journal != null) journal.close();
            throw e;
        }
        this.writer = w;
        this.detection = d;
        sinks.add(recentSignals);
        sinks.add(new NestedPtraceNote(this::say));
        this.sink = new FanoutSink(sinks, this::say);
    }

    public static Pipeline open(PipelineConfig config) throws IOException {
        return new Pipeline(config, System.err);
    }

    /** The sink the driver writes to. */
    public EventSink sink() {
        return sink;
    }

    /** Signal deliveries to the tracees, to avoid forwarding a signal they already got. */
    public RecentSignals recentSignals() {
        return recentSignals;
    }

    /**
     * The tracee runs: start detection. Not earlier, so that building the detector never competes
     * with the tracee's start; the journal holds every event meanwhile.
     */
    public void started(TraceSession session) {
        if (detection != null) {
            writer.readerFollowsLive();
            detection.start();
        }
    }

    /**
     * The driver has stopped: write the session end, flush the journal, let detection catch up
     * with the last record, then print the summary and counters.
     */
    public void finished(Termination end, Map<String, Long> tracerCounters) {
        finished = true;
        Map<String, Long> counters = new TreeMap<>(tracerCounters);
        // A journal that failed during the run (disk full) was reported then; it must not cost the
        // command's exit status or the end-of-run output now.
        if (writer != null) {
            try {
                writer.accept(new SessionEvent.End(System.currentTimeMillis() * 1_000_000L, 0, 0, end.exitCode(), end.signal(),
                        counters));
            } catch (RuntimeException e) {
                say(e.getMessage(), "the session's end is not in the journal");
            }
        }
        closeSinks();
        JournalStats js = new JournalStats(0, 0, 0, 0, -1, -1, -1);
        if (writer != null) {
            try {
                js = writer.stats();
            } catch (RuntimeException e) {
                // stays empty: detection then reads what the journal holds and stops
            }
        }
        if (detection != null) {
            detection.finishAt(js.lastSeq());
            detectionFinished = true;
        }
        if (summary != null) {
            err.print(summary.table.render(tracerCounters.getOrDefault("stops", 0L), config.summary()));
            if (!config.everyCall() && summary.table.calls("fcntl") > 0) {
                // The derived set stops on fcntl only for the commands that change the fd table.
                err.println("fcntl: only F_DUPFD, F_DUPFD_CLOEXEC and F_SETFD calls were stopped on "
                        + "(name it, --syscalls fcntl or -a, to count every call)");
            }
            err.flush();
        }
        if (config.stats()) {
            printStats(tracerCounters, js);
        }
    }

    private void printStats(Map<String, Long> tracer, JournalStats js) {
        StringBuilder sb = new StringBuilder();
        sb.append("stats: tracer:");
        tracer.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append("\nstats: journal: events=").append(js.eventsWritten()).append(" bytes=").append(js.bytesWritten())
                .append(" dropped=").append(js.dropped()).append(" max_buffer_depth=").append(js.maxBufferDepth())
                .append(" last_seq=").append(js.lastSeq()).append(" open_ms=").append(js.openMillis())
                .append(" cpu_ms=").append(js.cpuMillis());
        if (detection != null) {
            sb.append("\nstats: analyzer: ").append(detection.statsLine());
        }
        err.println(sb);
        err.flush();
    }

    private void closeSinks() {
        for (EventSink s : sinks) {
            try {
                s.close();
            } catch (RuntimeException e) {
                say(e.getMessage());
            }
        }
    }

    /**
     * One "pdig: CAUSE (CONSEQUENCE)" line on stderr per cause: a journal that failed (disk full)
     * fails again at every later step (its end record, its close), with the same message.
     */
    private void say(String cause, String consequence) {
        if (saidCauses.add(cause)) {
            err.println("pdig: " + cause + (consequence == null ? "" : " (" + consequence + ")"));
            err.flush();
        }
    }

    private void say(String cause) {
        say(cause, null);
    }

    /** Causes already said by {@link #say}; touched by the event thread, then the command's thread. */
    private final java.util.Set<String> saidCauses = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private EventSink printSink(String target, LineStamps times) throws IOException {
        if (target.equals("-")) {
            return new PrintSink(err, true, false, times);
        }
        Path p = Path.of(target);
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("--print " + target + ": no such directory " + parent);
        }
        return new PrintSink(new java.io.BufferedOutputStream(new FileOutputStream(p.toFile()), 65536), target, err, times);
    }

    @Override
    public void close() {
        if (!finished) {
            closeSinks();
            if (detection != null) detection.abort();
        } else if (detection != null) {
            // finished() may have failed before detection was told where the journal ends: then
            // it is stopped, not waited for (it would follow the journal for good).
            if (detectionFinished) detection.awaitEnd();
            else detection.abort();
        }
        if (journal != null) {
            try {
                journal.close();
            } catch (RuntimeException e) {
                // Reported when it happened; the command's exit status stands.
                say(e.getMessage());
            }
        }
    }

    /** Set once detection was told where the journal ends and has stopped (finished()). */
    private boolean detectionFinished;
}
