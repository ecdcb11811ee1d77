package io.pdig.journal;

/**
 * A damaged record: checksum mismatch, a gap or a step back in sequence numbers, a body that does
 * not decode, or a journal that ends before the writer's high-water mark. The message reads
 * {@code journal DIR: corrupt record after seq N (reason)}.
 */
public final class CorruptJournalException extends JournalException {
    private final long afterSeq;

    public CorruptJournalException(String message, long afterSeq) {
        super(message);
        this.afterSeq = afterSeq;
    }

    /** The last good sequence number before the damage, or -1 when the damage is at the start. */
    public long afterSeq() {
        return afterSeq;
    }
}
