package io.pdig.journal;

import java.time.Duration;

/**
 * How a reader reads.
 *
 * @param fromSeq     first sequence number wanted (records before it are read past, not returned);
 *                    for a named reader, used only when it has no saved position
 * @param follow      wait for new records (and for the journal to appear) instead of ending
 * @param skipCorrupt skip damaged records and count them instead of throwing
 * @param poll        how long a follow-mode reader sleeps when there is nothing new
 */
public record ReaderOptions(long fromSeq, boolean follow, boolean skipCorrupt, Duration poll) {

    public static final Duration DEFAULT_POLL = Duration.ofMillis(20);

    public ReaderOptions {
        if (fromSeq < 0) throw new IllegalArgumentException("fromSeq must be >= 0, got " + fromSeq);
        if (poll == null || poll.isNegative() || poll.isZero()) poll = DEFAULT_POLL;
    }

    public static ReaderOptions fromStart() {
        return new ReaderOptions(0, false, false, DEFAULT_POLL);
    }

    public static ReaderOptions from(long seq) {
        return new ReaderOptions(seq, false, false, DEFAULT_POLL);
    }

    public ReaderOptions following(boolean on) {
        return new ReaderOptions(fromSeq, on, skipCorrupt, poll);
    }

    public ReaderOptions skippingCorrupt(boolean on) {
        return new ReaderOptions(fromSeq, follow, on, poll);
    }
}
