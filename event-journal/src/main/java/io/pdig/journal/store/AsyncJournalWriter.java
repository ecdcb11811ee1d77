package io.pdig.journal.store;

import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalStats;
import io.pdig.journal.JournalWriter;
import io.pdig.journal.codec.JournalSchema;
import io.pdig.journal.codec.RecordEncoder;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer shared by all stores: a bounded buffer in front of a journal thread.
 *
 * <p>Thread ownership: the journal thread ("pdig-journal", started by the constructor, ended and
 * joined by {@link #close}) exclusively owns the store's write side, the encoder and the sequence
 * counter; it opens the store itself, so {@link #accept} returns at once even while the store takes
 * seconds to open. The producer thread owns {@code pendingDrops}. Counters are published through
 * volatile fields and atomics. Sequence numbers are assigned by the journal thread, in buffer
 * order, so dropped events never leave a gap.
 */
public final class AsyncJournalWriter implements JournalWriter {
    private static final int BATCH = 1024;

    private final RecordStore store;
    private final JournalConfig.Overflow overflow;
    private final ArrayBlockingQueue<Event> buffer;
    private final Thread thread;
    private final int capacity;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong maxDepth = new AtomicLong();
    /** Drops not yet reported by a notice. Producer thread only. */
    private long pendingDrops;

    private volatile long handled;
    /**
     * How long the journal thread sleeps when the buffer is empty. Each wake-up costs a context
     * switch on a core the tracer and the tracee share: 1 ms (1,000 wake-ups per second) made a
     * traced find /usr ~4 % slower than 5 ms did (docs/BENCHMARKS.md, Journal, session 3).
     * flush() and close() wake the thread at once; live detection sees an event at most this much
     * later than without the sleep.
     */
    private static final long IDLE_PARK_NANOS = 5_000_000;
    /**
     * After this many empty looks in a row (100 ms without an event) the journal thread parks
     * until a producer wakes it ({@link #deepIdle}), with DEEP_IDLE_PARK_NANOS as a safety net: an
     * idle traced program (a server waiting for requests) then costs no wake-ups 200 times a second.
     */
    private static final int EMPTY_POLLS_BEFORE_DEEP_IDLE = 20;
    private static final long DEEP_IDLE_PARK_NANOS = 1_000_000_000L;
    /**
     * Set by the journal thread before it parks for long; producers that see it unpark the thread
     * after queuing. Volatile on both sides (flag, then the buffer's lock), so a producer either
     * sees the flag or the journal thread sees its event before parking.
     */
    private volatile boolean deepIdle;
    private final AppendSignal appendSignal;

    /** Events the journal thread has taken out of the buffer (written or being written). */
    private volatile long taken;
    private volatile long eventsWritten;
    private volatile long bytesWritten;
    private volatile long lastSeq = -1;
    private volatile long openMillis = -1;
    private volatile long cpuMillis = -1;
    private volatile boolean closing;
    /** Set once the journal thread runs at normal priority (see waitedFor). */
    private volatile boolean urgent;
    private volatile Throwable failure;
    private final Object progress = new Object();

    private final java.util.List<String> notices;

    public AsyncJournalWriter(RecordStore store, JournalConfig config, AppendSignal appendSignal) {
        this(store, config, appendSignal, java.util.List.of());
    }

    /** @param notices what the store repaired when it was locked for this writer (see {@link #notices}) */
    public AsyncJournalWriter(RecordStore store, JournalConfig config, AppendSignal appendSignal, java.util.List<String> notices) {
        this.notices = java.util.List.copyOf(notices);
        this.store = store;
        this.appendSignal = appendSignal;
        appendSignal.writerOpened();
        this.overflow = config.overflow();
        this.capacity = config.bufferCapacity();
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "pdig-journal");
        // Daemon so a forgotten writer cannot keep the JVM alive; close() is what guarantees that
        // buffered events reach the store.
        this.thread.setDaemon(true);
        // Background work until somebody waits for it or follows the journal live (see waitedFor):
        // at start-up, option parsing, the rule loader and the native library loader should get
        // the CPU first. ./pdig maps Java's lowest priority to nice 19 when it runs as root
        // (elsewhere the JVM ignores thread priorities): the tracee then starts sooner while the
        // early journal opens (docs/BENCHMARKS.md, Start-up, session 4). Once live detection
        // follows the journal, nice 19 would let a busy tracee starve the open and the first
        // alerts wait for it (p99 21 ms, max 153 ms instead of ~8 ms; Alert latency, session 4).
        this.thread.setPriority(Thread.MIN_PRIORITY);
        this.thread.start();
    }

    @Override
    public void accept(Event event) {
        if (closing) throw new JournalException(store.label() + ": writer is closed");
        checkFailure();
        if (overflow == JournalConfig.Overflow.DROP) {
            if (pendingDrops > 0) {
                NoticeEvent notice = new NoticeEvent(event.ts(), 0, 0, NoticeEvent.Kind.DROPPED_EVENTS, pendingDrops,
                        pendingDrops + " events dropped: journal buffer full");
                if (buffer.offer(notice)) {
                    accepted.incrementAndGet();
                    pendingDrops = 0;
                }
            }
            if (buffer.offer(event)) {
                accepted.incrementAndGet();
            } else {
                pendingDrops++;
                dropped.incrementAndGet();
                return;
            }
        } else {
            put(event);
        }
        if (deepIdle) LockSupport.unpark(thread);
        // Depth without taking the buffer's lock again: accepted minus taken by the journal thread.
        // (Can overcount by the batch being drained, hence the cap.)
        long depth = Math.min(accepted.get() - taken, capacity);
        if (depth > maxDepth.get()) maxDepth.accumulateAndGet(depth, Math::max);
    }

    private void put(Event event) {
        if (buffer.offer(event)) {
            accepted.incrementAndGet();
            return;
        }
        waitedFor();
        try {
            while (!buffer.offer(event, 50, TimeUnit.MILLISECONDS)) {
                checkFailure();
            }
            accepted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException(store.label() + ": interrupted while waiting for room in the journal buffer");
        }
    }

    private void checkFailure() {
        Throwable f = failure;
        if (f != null) {
            String why = f instanceof JournalException ? f.getMessage() : store.label() + ": " + describe(f);
            throw new JournalException(why, f);
        }
    }

    /** What a journal thread failure means for the user (a mapped-file fault: disk full). */
    static String describe(Throwable f) {
        return JournalException.isMappedFileFault(f) ? JournalException.describe(f) : "journal thread failed: " + f;
    }

    @Override
    public void readerFollowsLive() {
        waitedFor();
    }

    /**
     * Gives the journal thread the normal priority for the rest of its life: from now on somebody
     * waits for it (flush, close, a producer blocked on a full buffer, a live reader), and at
     * nice 19 a short command's exit would wait for the journal's open to get CPU time. Any
     * thread; idempotent.
     */
    private void waitedFor() {
        if (urgent) return;
        urgent = true;
        thread.setPriority(Thread.NORM_PRIORITY);
    }

    @Override
    public void flush() {
        long target = accepted.get();
        waitedFor();
        LockSupport.unpark(thread);
        synchronized (progress) {
            while (handled < target && failure == null && thread.isAlive()) {
                try {
                    progress.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        checkFailure();
    }

    /** True once {@link #close} has finished (the journal thread is gone). */
    public boolean isClosed() {
        return closing && !thread.isAlive();
    }

    @Override
    public java.util.List<String> notices() {
        return notices;
    }

    @Override
    public JournalStats stats() {
        return new JournalStats(eventsWritten, bytesWritten, dropped.get(), maxDepth.get(), lastSeq, openMillis, cpuMillis);
    }

    @Override
    public void close() {
        if (!closing) {
            if (pendingDrops > 0 && failure == null) {
                // Report the last drops; there is room now or soon (the journal thread is draining).
                put(new NoticeEvent(System.currentTimeMillis() * 1_000_000L, 0, 0, NoticeEvent.Kind.DROPPED_EVENTS,
                        pendingDrops, pendingDrops + " events dropped: journal buffer full"));
                pendingDrops = 0;
            }
            closing = true;
        }
        waitedFor();
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        checkFailure();
    }

    /**
     * Encodes one event; an event the codec cannot represent (a null where the model expects a
     * value), or whose record is larger than the store can take, becomes a TRACER_ERROR notice
     * instead of ending the journal (and the trace with it). The notice is a keyframe because the
     * failed attempt may have updated the encoder's delta context.
     */
    private void encode(RecordEncoder encoder, long seq, Event ev, boolean keyframe) {
        String problem;
        try {
            encoder.encode(seq, ev, keyframe);
            if (encoder.length() <= store.maxRecordBytes()) return;
            problem = encoder.length() + " bytes encoded, the store takes records of at most " + store.maxRecordBytes();
        } catch (RuntimeException ex) {
            problem = ex.toString();
        }
        encoder.encode(seq, new NoticeEvent(ev.ts(), ev.tid(), ev.pid(), NoticeEvent.Kind.TRACER_ERROR, 1,
                "journal could not store " + ev.getClass().getSimpleName() + ": " + problem), true);
    }

    /** The journal thread. */
    private void run() {
        RecordEncoder encoder = new RecordEncoder();
        List<Event> batch = new ArrayList<>(BATCH);
        try {
            long openStart = System.nanoTime();
            long seq = store.openForWrite();
            openMillis = (System.nanoTime() - openStart) / 1_000_000;
            boolean first = true;
            int emptyPolls = 0;
            while (true) {
                // Never block on the buffer's condition: a waiting consumer makes every accept()
                // signal it (a futex wake on the tracer thread per event) and yields batches of one,
                // each with its own high-water-mark update. Sleeping when idle lets events gather
                // into batches (one store frame each); it adds at most IDLE_PARK_NANOS of latency.
                Event e = buffer.poll();
                if (e == null) {
                    if (closing && buffer.isEmpty()) break;
                    if (++emptyPolls < EMPTY_POLLS_BEFORE_DEEP_IDLE) {
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                    } else {
                        deepIdle = true;
                        if (buffer.isEmpty() && !closing) LockSupport.parkNanos(DEEP_IDLE_PARK_NANOS);
                        deepIdle = false;
                    }
                    continue;
                }
                emptyPolls = 0;
                batch.add(e);
                buffer.drainTo(batch, BATCH - 1);
                taken += batch.size();
                long bytes = 0;
                for (Event ev : batch) {
                    // Asked before every append (not short-circuited): the store pins the time
                    // that decides the record's file and notes a roll there.
                    boolean startsFile = store.nextAppendStartsFile();
                    boolean keyframe = first || seq % JournalSchema.KEYFRAME_INTERVAL == 0 || startsFile;
                    encode(encoder, seq, ev, keyframe);
                    store.append(encoder.array(), encoder.length(), seq);
                    bytes += encoder.length();
                    lastSeq = seq;
                    seq++;
                    first = false;
                }
                store.batchAppended(lastSeq);
                appendSignal.published(lastSeq);
                eventsWritten += batch.size();
                bytesWritten += bytes;
                synchronized (progress) {
                    handled += batch.size();
                    progress.notifyAll();
                }
                batch.clear();
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads.isCurrentThreadCpuTimeSupported()) cpuMillis = threads.getCurrentThreadCpuTime() / 1_000_000;
            try {
                store.closeWriter();
            } catch (Throwable t) {
                if (failure == null) failure = t;
            }
            appendSignal.writerClosed();
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }
}
