package io.pdig.journal.chronicle;

import java.util.function.LongSupplier;
import net.openhft.chronicle.core.time.TimeProvider;

/**
 * Chronicle's clock for choosing the roll cycle. On the journal thread it returns the time pinned
 * just before an append, so the writer knows in advance which file (cycle) a record will land in
 * and can make the first record of every file a keyframe. Other threads see the configured clock.
 */
final class WriterClock implements TimeProvider {
    private final LongSupplier clock;
    private volatile Thread writer;
    /** Written and read by the writer thread only. */
    private long pinned;

    WriterClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** Pins the current time for the calling (journal) thread and returns it. */
    long pin() {
        writer = Thread.currentThread();
        pinned = clock.getAsLong();
        return pinned;
    }

    @Override
    public long currentTimeMillis() {
        return Thread.currentThread() == writer ? pinned : clock.getAsLong();
    }

    @Override
    public long currentTimeMicros() {
        return currentTimeMillis() * 1000;
    }

    @Override
    public long currentTimeNanos() {
        return currentTimeMillis() * 1_000_000;
    }
}
