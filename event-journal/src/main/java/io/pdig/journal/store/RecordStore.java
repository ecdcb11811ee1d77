package io.pdig.journal.store;

import io.pdig.journal.codec.ByteWriter;

/**
 * Where encoded records live: the seam between the journal logic shared by all implementations
 * (buffering, encoding, integrity checks, positions) and one storage technology. A store sees
 * records only as opaque byte documents plus their sequence number.
 *
 * <p>Threading: the write methods are called only by the writer's journal thread; each cursor by
 * its reader's thread; the rest from any thread.
 */
public interface RecordStore extends AutoCloseable {

    /** "journal DIR", the prefix of every message about this store. */
    String label();

    /**
     * Takes the single-writer lock; fast, called on the caller's thread. Returns one-line notices
     * about what the store repaired on the way (a store file a killed writer left unfinished, set
     * aside), to be shown to the user as warnings; usually none.
     */
    java.util.List<String> lockForWrite();

    /**
     * Opens the store for appending (may be slow) and returns the sequence number the next record
     * must take: one past the highest sequence number ever written, by any earlier writer.
     */
    long openForWrite();

    /**
     * Called before each append: true when the record about to be appended will be the first of a
     * new store file (it must then be a keyframe, because retention deletes whole files).
     */
    boolean nextAppendStartsFile();

    void append(byte[] record, int length, long seq);

    /** The largest record {@link #append} can store; valid once {@link #openForWrite} returned. */
    default int maxRecordBytes() {
        return Integer.MAX_VALUE;
    }

    /** After a batch of appends: publish the high-water mark, apply retention and permissions. */
    void batchAppended(long lastSeq);

    /** Releases the writer side (lock, appender); the store stays open for readers. */
    void closeWriter();

    /** Highest sequence number the writer has reported as fully appended, or -1. */
    long highWaterMark();

    /**
     * A cursor positioned at or before the keyframe that precedes {@code fromSeq} (the reader reads
     * forward to {@code fromSeq}), or null when the journal does not exist yet.
     */
    Cursor cursor(long fromSeq);

    /**
     * As {@link #cursor(long)}; with {@code skipDamage} the cursor may leave out parts of the store
     * that cannot be read at all (and says which, {@link Cursor#damage}) instead of failing.
     */
    default Cursor cursor(long fromSeq, boolean skipDamage, boolean follow) {
        return cursor(fromSeq);
    }

    /** Last sequence number consumed by the named reader, or -1. */
    long loadPosition(String name);

    void savePosition(String name, long seq);

    @Override
    void close();

    /** Reads records in store order. One thread. */
    interface Cursor extends AutoCloseable {
        /**
         * Copies the next record into {@code into} (reset first) and returns true, or returns false
         * when there is none yet. Throws {@link StoreDamageException} when the store itself cannot
         * be read past this point.
         */
        boolean next(ByteWriter into);

        /** One-line messages, each naming a part of the store this cursor leaves out as damaged. */
        default java.util.List<String> damage() {
            return java.util.List.of();
        }

        @Override
        void close();
    }
}
