package io.pdig.journal.codec;

/**
 * The delta context shared in spirit by encoder and decoder (see {@link JournalSchema}): both sides
 * update it identically after each record, and a keyframe resets it. Owned by one thread.
 */
final class CodecContext {
    static final byte[] EMPTY = new byte[0];
    /** Numbers at least this large (in magnitude) become the base of later NUM_DELTA arguments. */
    static final long WORD_THRESHOLD = 1L << 32;

    long ts;
    int tid;
    long word;
    byte[] path = EMPTY;

    void reset() {
        ts = 0;
        tid = 0;
        word = 0;
        path = EMPTY;
    }

    void noteNumber(long v) {
        if (v >= WORD_THRESHOLD || v <= -WORD_THRESHOLD) word = v;
    }
}
