package io.pdig.launcher.wiring;

import io.pdig.journal.Journal;
import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalWriter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The temporary journal of `pdig run` and `pdig attach`, opened when the JVM starts instead of after
 * the command line is parsed.
 *
 * <p>Why: Chronicle's first open in a JVM takes 0.2-0.3 s (class initialisation, on the journal
 * thread). Live detection reads only the journal, so when the open starts with the tracee, every
 * alert the tracee raises in its first few hundred milliseconds waits for it (docs/BENCHMARKS.md,
 * Alert latency). Started at JVM start, the open overlaps option parsing and rule loading instead.
 *
 * <p>Ownership: {@link #start} runs on the main thread before parsing and leaves the work to a
 * starter thread ("pdig-early-journal": creating the directory and Chronicle's set-up took ~50 ms
 * of the main thread's critical path); {@link #take} and {@link #discard} first wait for that
 * thread. {@link #take} hands the journal and its writer to the one {@link Pipeline} that asks for
 * a temporary journal with the same settings (on the thread opening the pipeline), which then owns
 * and closes them. Whatever is not taken is closed, and its directory deleted, by
 * {@link #discard}, which {@code Main} calls when the command returns.
 */
public final class EarlyJournal {

    /** A temporary journal, its writer (whose thread is opening the store) and its settings. */
    record Opened(Journal journal, JournalWriter writer, JournalConfig config) {
    }

    private static final AtomicReference<Opened> PENDING = new AtomicReference<>();
    /** The thread running {@link #open}, until somebody has waited for it. */
    private static final AtomicReference<Thread> STARTER = new AtomicReference<>();

    private EarlyJournal() {
    }

    /** Starts creating the early journal (see {@link #open}) on its own thread and returns. */
    public static void start() {
        Thread t = new Thread(EarlyJournal::open, "pdig-early-journal");
        // Daemon: discard() waits for it; nothing else must keep the JVM alive for it.
        t.setDaemon(true);
        Thread previous = STARTER.getAndSet(t);
        if (previous != null) awaitStarter(previous);
        t.start();
    }

    /**
     * Waits until the starter thread (if any) has finished; the caller's interrupt status is kept.
     * Package-private for tests, which look at the journal directory it creates.
     */
    static void awaitStarter() {
        Thread t = STARTER.getAndSet(null);
        if (t != null) awaitStarter(t);
    }

    private static void awaitStarter(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * Creates a temporary journal with default settings and starts its writer (which opens the
     * store on its own thread). A failure here is not reported: the pipeline then opens its own
     * journal and reports what goes wrong there.
     */
    private static void open() {
        JournalConfig config = JournalConfig.defaults();
        Journal journal;
        try {
            journal = Journal.temporary(config);
        } catch (JournalException e) {
            return;
        }
        try {
            Opened previous = PENDING.getAndSet(new Opened(journal, journal.writer(), config));
            if (previous != null) close(previous);
        } catch (RuntimeException e) {
            journal.close();
        }
    }

    /**
     * The early journal, if there is one with the settings {@code wanted} (the clock aside: each
     * default config holds its own reference to the system clock, and only tests change it); null
     * otherwise, and then any early journal is discarded.
     */
    static Opened take(JournalConfig wanted) {
        awaitStarter();
        Opened o = PENDING.getAndSet(null);
        if (o == null) return null;
        if (o.config().equals(wanted.withClock(o.config().clockMillis()))) return o;
        close(o);
        return null;
    }

    /** Closes and deletes an early journal nobody took. */
    public static void discard() {
        awaitStarter();
        Opened o = PENDING.getAndSet(null);
        if (o != null) close(o);
    }

    private static void close(Opened o) {
        try {
            o.writer().close();
        } catch (RuntimeException e) {
            // nothing was written to it; its failure to open concerns nobody
        } finally {
            o.journal().close();
        }
    }
}
