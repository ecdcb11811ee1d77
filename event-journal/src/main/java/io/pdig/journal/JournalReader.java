package io.pdig.journal;

/**
 * Reads records in sequence order, checking each record's checksum and the contiguity of sequence
 * numbers. Named readers remember the last record they consumed: a record counts as consumed once
 * the next {@link #next} call is made or the reader is closed (so a crash re-delivers at most the
 * record in hand; at-least-once).
 *
 * <p>Threading: one thread calls {@code next}; {@link #close} may come from any thread and makes a
 * waiting follow-mode {@code next} return null promptly.
 */
public interface JournalReader extends AutoCloseable {

    /**
     * The next record, or null at the end of the journal (or, in follow mode, once the reader is
     * closed or the thread interrupted; follow mode otherwise waits for records to be appended, and
     * for the journal to appear). Throws {@link CorruptJournalException} on damage unless the reader
     * skips corrupt records, and {@link JournalException} for other failures.
     */
    JournalRecord next();

    /** Records skipped as corrupt so far (only with {@link ReaderOptions#skipCorrupt()}). */
    long skipped();

    /**
     * With {@link ReaderOptions#skipCorrupt()}: one line per part of the journal left out because
     * it could not be read at all (a store file whose first header is damaged), e.g.
     * {@code journal DIR: damaged store file F (empty, ...)}. Its records are counted by
     * {@link #skipped()} when later records show the gap. Known once {@link #next} was called.
     */
    default java.util.List<String> damage() {
        return java.util.List.of();
    }

    /** Sequence number of the last record returned, or -1. */
    long lastSeq();

    @Override
    void close();
}
