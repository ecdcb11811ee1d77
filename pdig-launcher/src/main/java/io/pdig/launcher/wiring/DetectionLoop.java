package io.pdig.launcher.wiring;

import io.pdig.analyzer.live.Detector;
import io.pdig.journal.Journal;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.ReaderOptions;
import io.pdig.model.event.SessionEvent;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Live detection: a thread that follows the journal with the named reader "analyzer" and feeds
 * the {@link Detector}. It reads what the journal stored, never the tracer's memory, so live
 * alerts and a replay's alerts are the same.
 *
 * <p>It starts at this session's start record (an existing journal may hold earlier sessions).
 * Threading: the loop thread owns the reader and the detector; {@link #finishAt} and
 * {@link #abort} come from the command's thread.
 */
final class DetectionLoop {

    static final String READER_NAME = "analyzer";
    /** Falling further behind than this raises a health alert (at most one per LAG_ALERT_EVERY). */
    private static final long LAG_ALERT_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long LAG_ALERT_EVERY = Duration.ofSeconds(30).toNanos();
    private static final long LAG_ALERT_BACKLOG = 100_000;
    private static final long FINISH_TIMEOUT_MILLIS = Duration.ofMinutes(10).toMillis();

    private final Journal journal;
    private final DetectorFactory factory;
    /** Created and owned by the loop thread; read by statsLine() after the thread has ended. */
    private volatile Detector detector;
    private final SessionEvent.Start myStart;
    private final PrintStream err;
    private final Thread thread;
    /** Sequence number of the last record the writer stored (to measure the backlog). */
    private final java.util.function.LongSupplier writerLastSeq;
    private volatile JournalReader reader;
    private volatile long processedSeq = -1;
    private volatile long endSeq = Long.MAX_VALUE;
    private volatile boolean aborted;
    private volatile Throwable failure;
    private long lastLagAlert = Long.MIN_VALUE / 2;
    private long maxLagNanos;

    /** Builds the detector (loads users, compiles the engine, opens alert outputs). */
    interface DetectorFactory {
        Detector create() throws java.io.IOException;
    }

    DetectionLoop(Journal journal, DetectorFactory factory, SessionEvent.Start myStart,
                  java.util.function.LongSupplier writerLastSeq, PrintStream err) {
        this.journal = journal;
        this.factory = factory;
        this.writerLastSeq = writerLastSeq;
        this.myStart = myStart;
        this.err = err;
        this.thread = new Thread(this::loop, "pdig-detect");
        this.thread.setDaemon(true);
    }

    void start() {
        if (thread.getState() == Thread.State.NEW) thread.start();
    }

    private void loop() {
        Detector detector;
        try {
            detector = factory.create();
            detector.prepareAlertPath();
            this.detector = detector;
        } catch (Exception e) {
            failure = e;
            err.println("pdig: detection disabled: " + e.getMessage());
            return;
        }
        try (JournalReader r = journal.reader(READER_NAME,
                new ReaderOptions(0, true, false, Duration.ofMillis(2)))) {
            reader = r;
            // A stop requested before the reader existed (the journal opened late, or never got a
            // record): nothing else would ever close it, and next() would follow it for good.
            if (stopping) r.close();
            boolean inSession = false;
            while (!aborted) {
                if (processedSeq >= endSeq) break;
                JournalRecord rec = r.next();
                if (rec == null) break;
                if (!inSession) {
                    // Earlier sessions of an appended journal are not this run's business.
                    inSession = rec.event() instanceof SessionEvent.Start s && s.ts() == myStart.ts() && s.pid() == myStart.pid();
                    if (!inSession) {
                        processedSeq = rec.seq();
                        continue;
                    }
                }
                detector.process(rec.seq(), rec.event());
                processedSeq = rec.seq();
                checkLag(detector, rec);
            }
        } catch (Throwable t) {
            failure = t;
            err.println("pdig: detection stopped: " + io.pdig.journal.JournalException.describe(t));
        } finally {
            detector.close();
        }
    }

    private void checkLag(Detector detector, JournalRecord rec) {
        long now = System.currentTimeMillis() * 1_000_000L;
        long lag = now - rec.event().ts();
        if (lag > maxLagNanos) maxLagNanos = lag;
        if (lag <= LAG_ALERT_NANOS || now - lastLagAlert < LAG_ALERT_EVERY || endSeq != Long.MAX_VALUE) {
            return;
        }
        // Old events alone do not mean falling behind (the journal's first open takes seconds and
        // the backlog then drains quickly): alert only when a real backlog remains.
        long pending = writerLastSeq.getAsLong() - rec.seq();
        if (pending > LAG_ALERT_BACKLOG) {
            lastLagAlert = now;
            detector.reportLag(now, lag, pending);
        }
    }

    /** The journal ends at {@code lastSeq}: process up to it, then stop. Blocks until done. */
    void finishAt(long lastSeq) {
        endSeq = lastSeq;
        start(); // a trace that failed before started() still gets its journal analysed
        long deadline = System.currentTimeMillis() + FINISH_TIMEOUT_MILLIS;
        while (thread.isAlive() && processedSeq < lastSeq && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopReader();
        awaitEnd();
    }

    void abort() {
        aborted = true;
        if (thread.getState() == Thread.State.NEW) return;
        stopReader();
        awaitEnd();
    }

    void awaitEnd() {
        try {
            thread.join(FINISH_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopReader() {
        stopping = true;
        JournalReader r = reader;
        if (r != null) r.close();
    }

    /** Set by {@link #stopReader}; the loop thread closes a reader it opens after that. */
    private volatile boolean stopping;

    String statsLine() {
        Detector detector = this.detector;
        if (detector == null) return "not running" + (failure != null ? " (" + failure.getMessage() + ")" : "");
        return "events=" + detector.events() + " alerts=" + detector.alerts() + " max_lag_ms=" + maxLagNanos / 1_000_000
                + " alert_latency: " + detector.alertLatency().summary()
                + (failure != null ? " failed=\"" + failure.getMessage() + "\"" : "");
    }
}
