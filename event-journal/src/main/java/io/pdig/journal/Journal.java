package io.pdig.journal;

import io.pdig.journal.chronicle.ChronicleJournal;
import io.pdig.journal.memory.InMemoryJournal;
import java.nio.file.Path;

/**
 * A durable, append-only sequence of events: one {@link JournalWriter}, any number of readers.
 * The on-disk implementation is a Chronicle Queue directory (only this module sees Chronicle
 * types); {@link InMemoryJournal} implements the same contract for tests.
 *
 * <p>Opening is cheap: the store itself is opened by the writer's journal thread (Chronicle's first
 * open in a JVM takes seconds and the tracee must not wait for it) or by a reader on first use.
 *
 * <p>Threading: the factory methods and {@code close} are safe from any thread; each writer and
 * reader documents its own confinement.
 */
public interface Journal extends AutoCloseable {

    /** Opens (creating if needed, mode 0700) the journal in {@code dir} with default settings. */
    static Journal open(Path dir) {
        return open(dir, JournalConfig.defaults());
    }

    static Journal open(Path dir, JournalConfig config) {
        return ChronicleJournal.open(dir, config);
    }

    /**
     * Opens an existing journal for reading. Unlike {@link #open}, a missing directory is not
     * created: readers in follow mode wait for it to appear, others report it. The journal is
     * opened read-only: nothing in the directory is created or changed (a named reader's position
     * file excepted), and {@link #writer()} throws.
     */
    static Journal openExisting(Path dir) {
        return ChronicleJournal.openExisting(dir, JournalConfig.defaults());
    }

    /** A journal in a new private temporary directory, deleted (with its files) by {@link #close}. */
    static Journal temporary(JournalConfig config) {
        return ChronicleJournal.temporary(config);
    }

    /** An empty in-memory journal (same codec and checks as on disk; nothing survives the JVM). */
    static Journal inMemory(JournalConfig config) {
        return new InMemoryJournal(config);
    }

    /** The journal directory, or null for an in-memory journal. */
    Path dir();

    /**
     * Starts the single writer. Records continue the sequence after the last stored one (the
     * caller's first event should be a {@code SessionEvent.Start}). Throws {@link JournalException}
     * when another writer, in this or another process, has the journal open.
     */
    JournalWriter writer();

    /** A named reader that resumes after the last record it consumed (from the start the first time). */
    default JournalReader reader(String name) {
        return reader(name, ReaderOptions.fromStart());
    }

    /** A named reader; {@code options.fromSeq()} applies only when the name has no saved position. */
    JournalReader reader(String name, ReaderOptions options);

    /** An anonymous reader (nothing is remembered) starting at {@code options.fromSeq()}. */
    JournalReader reader(ReaderOptions options);

    /** Closes the store and every reader still open; a temporary journal is deleted. */
    @Override
    void close();
}
