package io.pdig.journal.store;

import io.pdig.journal.CorruptJournalException;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.ReaderOptions;
import io.pdig.journal.codec.ByteWriter;
import io.pdig.journal.codec.DecodeException;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.model.event.Event;

/**
 * The reader shared by all stores: verifies each record's checksum, the contiguity of sequence
 * numbers and, at the end of the data, that nothing the writer reported as written (its high-water
 * mark) is missing; then decodes.
 *
 * <p>What is detected: a flipped or overwritten byte inside a record (checksum); records that vanish
 * or are skipped over by the store (sequence gap); a zeroed or truncated tail, or a zeroed region the
 * store mistakes for the end (end of data before the high-water mark). Not detected: the loss of the
 * last records written after the writer's final high-water-mark update (none when the writer closed
 * normally; at most one batch after SIGKILL, which the next writer's sequence numbers make visible
 * as a gap if the records really are gone), and damage to records before {@code fromSeq}.
 *
 * <p>Threading: {@link #next} from one thread; {@link #close} from any.
 */
public final class StoreReader implements JournalReader {
    private final RecordStore store;
    private final ReaderOptions options;
    private final String name;
    private final long fromSeq;
    private final RecordDecoder decoder = new RecordDecoder();
    private final ByteWriter buf = new ByteWriter(512);
    private final Runnable onClose;
    private final AppendSignal appendSignal;
    /**
     * Follow mode: after polling in vain for this long the reader waits for the in-process
     * writer's signal instead ({@link AppendSignal}), with IDLE_WAIT_MILLIS as a safety net: an
     * idle traced program then costs no reader wake-ups every poll interval. A journal written by
     * another process is always polled.
     */
    private static final long POLLING_BEFORE_WAITING_MILLIS = 100;
    private static final long IDLE_WAIT_MILLIS = 1000;
    private final long emptyPollsBeforeWaiting;
    /** Empty polls in a row; the reading thread only. */
    private int emptyPolls;

    private RecordStore.Cursor cursor;
    /** The thread that created the cursor (Chronicle tailers must be closed by it). */
    private volatile Thread owner;
    private volatile boolean closed;
    private long lastSeq = -1;
    private long lastSeen = -1;
    private long returned = -1;
    private long skipped;
    /** Damaged records whose seq is unknown, not yet counted by a gap (skip mode). */
    private long uncounted;
    private CorruptJournalException sticky;
    /** What the cursor left out as unreadable (skip mode); kept after the cursor is released. */
    private volatile java.util.List<String> damage = java.util.List.of();
    /** The store threw on read (skip mode): nothing more can be read through this cursor. */
    private boolean storeBroken;

    /**
     * @param name    the reader's name (its position is loaded and saved), or null for anonymous
     * @param onClose run once by close (the journal forgets the reader)
     */
    public StoreReader(RecordStore store, String name, ReaderOptions options, AppendSignal appendSignal, Runnable onClose) {
        this.store = store;
        this.appendSignal = appendSignal;
        this.name = name;
        this.options = options;
        this.onClose = onClose;
        long from = options.fromSeq();
        if (name != null) {
            long pos = store.loadPosition(name);
            if (pos >= 0) from = pos + 1;
        }
        this.fromSeq = from;
        this.emptyPollsBeforeWaiting = Math.max(1, POLLING_BEFORE_WAITING_MILLIS / Math.max(1, options.poll().toMillis()));
    }

    @Override
    public JournalRecord next() {
        if (sticky != null) throw sticky;
        commitReturned();
        while (!closed && !storeBroken) {
            if (cursor == null) {
                owner = Thread.currentThread();
                cursor = store.cursor(fromSeq, options.skipCorrupt(), options.follow());
                if (cursor != null) damage = cursor.damage();
                if (cursor == null) {
                    if (!options.follow()) throw new JournalException(store.label() + ": no journal there");
                    if (!pause()) return null;
                    continue;
                }
            }
            Boolean got = read();
            if (got == null) return null;
            if (!got && !missingBeforeHighWaterMark()) {
                if (!options.follow() || !pause()) return null;
                continue;
            }
            emptyPolls = 0;
            JournalRecord r = accept();
            if (r != null) {
                returned = r.seq();
                return r;
            }
        }
        return null;
    }

    /**
     * The next stored record into {@code buf}: true, false when there is none yet, null when
     * reading must end (closed, interrupted, or in skip mode a store that cannot read further).
     */
    private Boolean read() {
        try {
            return cursor.next(buf);
        } catch (StoreDamageException e) {
            // Closed or interrupted under the store's feet: a clean end, not damage.
            if (closed || Thread.currentThread().isInterrupted()) return null;
            // The store cannot move past this point: report it; when skipping, this is the end.
            corrupt("unreadable by the store: " + e.getCause(), 1);
            storeBroken = true;
            return null;
        }
    }

    /** One record from the cursor: checked, decoded; null when it is before fromSeq or skipped. */
    private JournalRecord accept() {
        byte[] b = buf.array();
        int len = buf.length();
        if (!decoder.checksumOk(b, 0, len)) {
            // Counted (when skipping) by the sequence gap the next good record shows, or by the
            // high-water mark check at the end: its own seq cannot be trusted.
            corrupt("checksum mismatch", 0);
            uncounted++;
            decoder.invalidate();
            return null;
        }
        long seq;
        try {
            seq = RecordDecoder.peekSeq(b, 0, len);
        } catch (DecodeException e) {
            corrupt("undecodable: " + e.getMessage(), 0);
            uncounted++;
            decoder.invalidate();
            return null;
        }
        long missing = 0;
        if (lastSeen >= 0 && seq != lastSeen + 1) {
            // The records in between carried context this one may be coded against.
            decoder.invalidate();
            if (seq <= lastSeen) {
                corrupt("sequence went back to " + seq, 1);
                return null;
            }
            missing = seq - lastSeen - 1;
            corrupt("sequence gap: next record is seq " + seq, 0);
        }
        // Damaged records since the last good one: the gap counts them, unless they were orphans
        // that took no sequence number (a record torn by a crash and rewritten by the next writer).
        if (lastSeen >= 0 || seq >= fromSeq) skipped += Math.max(missing, uncounted);
        uncounted = 0;
        lastSeen = seq;
        if (!RecordDecoder.peekKeyframe(b, 0, len) && !decoder.contextValid()) {
            // Depends on a record we could not decode (damaged, or before the cursor's start).
            if (seq >= fromSeq) corrupt("depends on a damaged record", 1);
            return null;
        }
        Event e;
        try {
            e = decoder.decode(b, 0, len);
        } catch (DecodeException ex) {
            decoder.invalidate();
            if (seq >= fromSeq) corrupt("undecodable: " + ex.getMessage(), 1);
            return null;
        }
        if (seq < fromSeq) return null;
        lastSeq = seq;
        return new JournalRecord(seq, e);
    }

    /** Reports damage after the last good record; throws unless skipping. */
    private void corrupt(String reason, long count) {
        long after = Math.max(lastSeq, lastSeen);
        String where = after >= 0 ? "after seq " + after : "at the start of the journal";
        if (lastSeen < 0 && fromSeq > 0) where = "at or after seq " + fromSeq;
        CorruptJournalException ex = new CorruptJournalException(store.label() + ": corrupt record " + where + " (" + reason + ")", after);
        if (!options.skipCorrupt()) {
            sticky = ex;
            throw ex;
        }
        skipped += count;
    }

    /**
     * At the end of the data: if the writer reported more records than we have seen, look once more
     * (they may have been appended just now; then true, with the record in {@code buf}). If they are
     * still missing, the store hides damage (e.g. a zeroed block that looks like the end).
     */
    private boolean missingBeforeHighWaterMark() {
        long hwm = store.highWaterMark();
        if (hwm <= lastSeen || hwm < fromSeq) return false;
        Boolean again = read();
        if (again == null) return false; // reading ends; the caller's loop sees why
        if (again) return true;
        long have = lastSeen;
        String reason = "journal ends before seq " + hwm + " recorded by the writer";
        if (!options.skipCorrupt()) {
            String where = have >= 0 ? "after seq " + have : "at the start of the journal";
            sticky = new CorruptJournalException(store.label() + ": corrupt record " + where + " (" + reason + ")", have);
            throw sticky;
        }
        skipped += hwm - Math.max(have, fromSeq - 1);
        uncounted = 0;
        lastSeen = hwm;
        decoder.invalidate();
        return false;
    }

    private boolean pause() {
        try {
            boolean waited = false;
            if (emptyPolls >= emptyPollsBeforeWaiting && appendSignal.writerOpen()) {
                waited = appendSignal.await(lastSeen, IDLE_WAIT_MILLIS);
            } else {
                emptyPolls++;
            }
            // Polling, or the signal said there is something new already: a poll interval, so
            // that a record the store does not show yet cannot make this loop spin.
            if (!waited && !closed) Thread.sleep(options.poll().toMillis());
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void commitReturned() {
        if (name != null && returned >= 0) {
            store.savePosition(name, returned);
        }
    }

    /** The reader's name, or null when anonymous. */
    String name() {
        return name;
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public java.util.List<String> damage() {
        return damage;
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        appendSignal.wakeAll();
        commitReturned();
        if (Thread.currentThread() == owner) release();
        onClose.run();
    }

    /** Releases the cursor; on the reading thread (otherwise the store's close releases it). */
    private void release() {
        RecordStore.Cursor c = cursor;
        cursor = null;
        if (c != null) c.close();
    }
}
