package io.pdig.journal;

/**
 * Writer counters for {@code --stats}.
 *
 * @param eventsWritten  records appended to the store
 * @param bytesWritten   encoded record bytes appended (excluding the store's own headers and indexes)
 * @param dropped        events refused in {@link JournalConfig.Overflow#DROP} mode
 * @param maxBufferDepth the most events ever waiting in the writer's buffer
 * @param lastSeq        sequence number of the last record written, -1 when none
 */
public record JournalStats(long eventsWritten, long bytesWritten, long dropped, long maxBufferDepth, long lastSeq) {
}
