package io.pdig.journal.memory;

import io.pdig.journal.JournalConfig;
import io.pdig.journal.store.StoreJournal;

/**
 * A journal held in memory, for tests of the modules that write or read journals. Same contract as
 * the Chronicle journal (async single writer, named and anonymous readers, follow mode, the same
 * codec and integrity checks); nothing survives the JVM. Roll and retention settings are ignored.
 */
public final class InMemoryJournal extends StoreJournal {

    public InMemoryJournal(JournalConfig config) {
        super(new MemoryStore(), config);
    }

    public InMemoryJournal() {
        this(JournalConfig.defaults());
    }

    /** Number of stored records. */
    public int recordCount() {
        return ((MemoryStore) store).size();
    }

    /** Test hook: flips one byte of a stored record (index in store order), as disk damage would. */
    public void flipByte(int recordIndex, int offset) {
        byte[] r = ((MemoryStore) store).record(recordIndex);
        r[offset] ^= 0x5A;
    }

    /** Test hook: holds the journal thread before its next store operation (simulates a slow store). */
    public void pauseStore() {
        ((MemoryStore) store).pause();
    }

    /** Releases {@link #pauseStore}. */
    public void resumeStore() {
        ((MemoryStore) store).resume();
    }

    /** Test hook: removes a stored record, as a store that silently skips data would. */
    public void removeRecord(int recordIndex) {
        ((MemoryStore) store).remove(recordIndex);
    }
}
