package io.pdig.journal.store;

import io.pdig.journal.Journal;
import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalWriter;
import io.pdig.journal.ReaderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@link Journal} logic common to every store: one writer at a time, readers tracked so that
 * closing the journal stops them. Subclasses supply the store.
 */
public abstract class StoreJournal implements Journal {
    private static final Pattern READER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    protected final RecordStore store;
    protected final JournalConfig config;
    private final List<StoreReader> readers = new ArrayList<>();
    private final AppendSignal appendSignal = new AppendSignal();
    private AsyncJournalWriter writer;
    private boolean closed;

    protected StoreJournal(RecordStore store, JournalConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public synchronized JournalWriter writer() {
        checkOpen();
        if (writer != null && !writer.isClosed()) throw new JournalException(store.label() + ": a writer is already open in this process");
        List<String> notices = store.lockForWrite();
        writer = new AsyncJournalWriter(store, config, appendSignal, notices);
        return writer;
    }

    @Override
    public synchronized JournalReader reader(String name, ReaderOptions options) {
        checkOpen();
        if (name == null || !READER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("reader name must match " + READER_NAME.pattern() + ": " + name);
        }
        for (StoreReader r : readers) {
            // Two readers saving one position would each undo the other's progress.
            if (name.equals(r.name())) throw new JournalException(store.label() + ": reader '" + name + "' is already open");
        }
        return track(name, options);
    }

    @Override
    public synchronized JournalReader reader(ReaderOptions options) {
        checkOpen();
        return track(null, options);
    }

    private JournalReader track(String name, ReaderOptions options) {
        StoreReader[] holder = new StoreReader[1];
        StoreReader r = new StoreReader(store, name, options, appendSignal, () -> forget(holder[0]));
        holder[0] = r;
        readers.add(r);
        return r;
    }

    private synchronized void forget(StoreReader r) {
        readers.remove(r);
    }

    private void checkOpen() {
        if (closed) throw new JournalException(store.label() + ": journal is closed");
    }

    @Override
    public void close() {
        AsyncJournalWriter w;
        List<StoreReader> open;
        synchronized (this) {
            if (closed) return;
            closed = true;
            w = writer;
            open = new ArrayList<>(readers);
        }
        try {
            if (w != null) w.close();
        } finally {
            for (StoreReader r : open) r.close();
            store.close();
            afterClose();
        }
    }

    /** Hook for subclasses (temporary journals delete their directory). */
    protected void afterClose() {
    }

    @Override
    public Path dir() {
        return null;
    }
}
