package io.pdig.journal;

import io.pdig.model.event.Event;

/**
 * One stored event and its sequence number. Sequence numbers start at 0 and are contiguous within a
 * journal, across sessions (a new writer continues after the last record).
 */
public record JournalRecord(long seq, Event event) {
}
