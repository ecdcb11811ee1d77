package io.pdig.journal;

/**
 * Writer counters for {@code --stats}.
 *
 * @param eventsWritten  records appended to the store
 * @param bytesWritten   encoded record bytes appended (excluding the store's own headers and indexes)
 * @param dropped        events refused in {@link JournalConfig.Overflow#DROP} mode
 * @param maxBufferDepth the most events ever waiting in the writer's buffer
 * @param lastSeq        sequence number of the last record written, -1 when none
 * @param openMillis     wall time the journal thread took to open the store, -1 when unknown
 * @param cpuMillis      CPU time of the journal thread (open, encoding, appends), -1 until the
 *                       writer has closed or where the JVM cannot measure it
 */
public record JournalStats(long eventsWritten, long bytesWritten, long dropped, long maxBufferDepth, long lastSeq,
                           long openMillis, long cpuMillis) {
}
