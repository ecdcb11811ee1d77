package io.pdig.journal;

import java.util.function.LongSupplier;

/**
 * How a journal is stored and written.
 *
 * @param roll           how often a new store file starts ({@code --journal-roll})
 * @param retain         how many store files to keep, 0 = all ({@code --journal-retain N}); older
 *                       files are deleted when the writer starts a new one
 * @param bufferCapacity events the writer buffers in memory while the journal thread catches up
 * @param overflow       what {@code accept} does when that buffer is full ({@code --drop})
 * @param blockSize      the store's file growth unit in bytes, 0 = the store's default (tests use
 *                       small blocks to keep fixtures small)
 * @param clockMillis    wall clock that decides the roll cycle of each record; tests inject a fake
 *                       one to roll without waiting an hour
 */
public record JournalConfig(Roll roll, int retain, int bufferCapacity, Overflow overflow, long blockSize,
                            LongSupplier clockMillis) {

    public static final int DEFAULT_BUFFER = 1 << 16;

    public enum Roll {
        HOURLY,
        DAILY;

        /** Parses the {@code --journal-roll} value: hourly or daily. */
        public static Roll parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "hourly" -> HOURLY;
                case "daily" -> DAILY;
                default -> throw new IllegalArgumentException("--journal-roll: expected hourly or daily, got '" + s + "'");
            };
        }
    }

    public enum Overflow {
        /** accept() waits for room: no event is ever lost, the tracee is slowed instead. */
        BLOCK,
        /** accept() never waits: events that do not fit are counted and reported by a notice. */
        DROP
    }

    public JournalConfig {
        if (roll == null) roll = Roll.DAILY;
        if (retain < 0) throw new IllegalArgumentException("--journal-retain: must be >= 0, got " + retain);
        if (bufferCapacity < 2) throw new IllegalArgumentException("buffer capacity must be >= 2, got " + bufferCapacity);
        if (overflow == null) overflow = Overflow.BLOCK;
        if (blockSize < 0) throw new IllegalArgumentException("block size must be >= 0");
        if (clockMillis == null) clockMillis = System::currentTimeMillis;
    }

    /**
     * Written out rather than generated. A record's generated equals is set up through
     * invokedynamic (ObjectMethods) on its first call: ~18 ms of method-handle spinning that `pdig
     * run` paid on its start-up path, where the early journal's settings are compared with the
     * command's (docs/BENCHMARKS.md, Start-up, session 8). Compares what the generated one would;
     * JournalConfigTest checks that every component takes part.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof JournalConfig c && roll == c.roll && retain == c.retain && bufferCapacity == c.bufferCapacity
                && overflow == c.overflow && blockSize == c.blockSize && clockMillis.equals(c.clockMillis);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(roll, retain, bufferCapacity, overflow, blockSize, clockMillis);
    }

    /**
     * The store grows its files by this much at a time. Chronicle's own default pre-allocates tens
     * of MiB per file, which for a short trace is most of the disk it uses; 4 MiB keeps that small
     * and still allows records of up to 1 MiB (a quarter of the block).
     */
    public static final long DEFAULT_BLOCK_SIZE = 4L << 20;

    public static JournalConfig defaults() {
        return new JournalConfig(Roll.DAILY, 0, DEFAULT_BUFFER, Overflow.BLOCK, DEFAULT_BLOCK_SIZE, null);
    }

    public JournalConfig withRoll(Roll r) {
        return new JournalConfig(r, retain, bufferCapacity, overflow, blockSize, clockMillis);
    }

    public JournalConfig withRetain(int n) {
        return new JournalConfig(roll, n, bufferCapacity, overflow, blockSize, clockMillis);
    }

    public JournalConfig withBufferCapacity(int n) {
        return new JournalConfig(roll, retain, n, overflow, blockSize, clockMillis);
    }

    public JournalConfig withOverflow(Overflow o) {
        return new JournalConfig(roll, retain, bufferCapacity, o, blockSize, clockMillis);
    }

    public JournalConfig withBlockSize(long bytes) {
        return new JournalConfig(roll, retain, bufferCapacity, overflow, bytes, clockMillis);
    }

    public JournalConfig withClock(LongSupplier millis) {
        return new JournalConfig(roll, retain, bufferCapacity, overflow, blockSize, millis);
    }
}
