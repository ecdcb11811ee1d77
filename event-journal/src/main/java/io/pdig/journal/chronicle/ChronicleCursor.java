package io.pdig.journal.chronicle;

import io.pdig.journal.JournalException;
import io.pdig.journal.codec.ByteWriter;
import io.pdig.journal.codec.DecodeException;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.journal.store.RecordStore;
import io.pdig.journal.store.StoreDamageException;
import java.util.List;
import java.util.NavigableSet;
import java.util.function.BooleanSupplier;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A Chronicle tailer as a {@link RecordStore.Cursor}: hands out the records of each excerpt, one
 * per call, in either layout ({@link Frames}). Confined to its reader's thread (Chronicle tailers
 * are single-threaded).
 */
final class ChronicleCursor implements RecordStore.Cursor {
    private final ExcerptTailer tailer;
    private final String label;
    private final BooleanSupplier framedLayout;
    /** The journal's layout, asked once the first excerpt exists (the marker precedes it). */
    private Boolean framed;
    /** Whether the first excerpt read in layout 1 was checked for frames (see checkNotFrames). */
    private boolean layoutChecked;
    private final ByteWriter excerpt = new ByteWriter(Frames.FRAME_BYTES + 1024);
    private final Frames.Splitter splitter = new Frames.Splitter();

    /** One line per store file this cursor's queue leaves out as damaged. */
    private final List<String> damage;
    /** Run after the tailer is closed (a cursor over a view closes its own queue). */
    private final Runnable onClose;
    /** The cycle of the first store file when Chronicle's own start cannot be trusted, or -1. */
    private final int startCycle;
    /**
     * The one-line message this cursor fails with at the end of its data, or null: a cursor over
     * the files before a damaged one, for a reader that does not skip it.
     */
    private final String failureAtEnd;

    ChronicleCursor(ExcerptTailer tailer, String label, BooleanSupplier framedLayout) {
        this(tailer, label, framedLayout, List.of(), null, -1, () -> { });
    }

    ChronicleCursor(ExcerptTailer tailer, String label, BooleanSupplier framedLayout, List<String> damage, String failureAtEnd,
                    int startCycle, Runnable onClose) {
        this.failureAtEnd = failureAtEnd;
        this.tailer = tailer;
        this.label = label;
        this.framedLayout = framedLayout;
        this.damage = damage;
        this.startCycle = startCycle;
        this.onClose = onClose;
    }

    @Override
    public List<String> damage() {
        return damage;
    }

    /** Reads the next excerpt's bytes into {@code into}; false when there is none (yet). */
    static boolean read(ExcerptTailer t, ByteWriter into) {
        try (DocumentContext dc = t.readingDocument()) {
            if (!dc.isPresent()) return false;
            Bytes<?> b = dc.wire().bytes();
            int n = (int) b.readRemaining();
            b.read(into.prepare(n), 0, n);
            return true;
        }
    }

    @Override
    public boolean next(ByteWriter into) {
        try {
            while (true) {
                if (splitter.next(into)) return true;
                if (!read(tailer, excerpt)) {
                    // The files before the damaged one are read: their every record was handed out.
                    if (failureAtEnd != null) throw new JournalException(failureAtEnd);
                    return false;
                }
                if (!framed()) {
                    if (!layoutChecked) checkNotFrames();
                    System.arraycopy(excerpt.array(), 0, into.prepare(excerpt.length()), 0, excerpt.length());
                    return true;
                }
                splitter.reset(excerpt.array(), excerpt.length());
            }
        } catch (JournalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreDamageException(label + ": store cannot read past index " + Long.toHexString(tailer.index())
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Layout 1 by the marker's absence, yet the first excerpt read fails as a record and reads as
     * a frame of intact records: the marker was deleted. Said as such, not as a checksum mismatch
     * of records that are whole.
     */
    private void checkNotFrames() {
        layoutChecked = true;
        RecordDecoder check = new RecordDecoder();
        if (!check.checksumOk(excerpt.array(), 0, excerpt.length())
                && Frames.lastIntactSeq(excerpt.array(), excerpt.length(), check) >= 0) {
            throw new JournalException(label + ": the " + Frames.LAYOUT_FILE + " file is missing: the records are stored in"
                    + " frames (layout 2), which that file marks (it holds the line \"frames\")");
        }
    }

    private boolean framed() {
        if (framed == null) framed = framedLayout.getAsBoolean();
        return framed;
    }

    /**
     * Positions the tailer at or before the keyframe that precedes {@code fromSeq}: finds the last
     * store file whose first record (always a keyframe) has seq &le; fromSeq, then the excerpt in
     * that file holding the keyframe at {@code fromSeq - fromSeq % interval}. In layout 1 that is
     * index arithmetic (one record per excerpt, indexes contiguous within a file), verified; with
     * frames, a search over the excerpts' first sequence numbers, which grow with the index. Any
     * surprise falls back to an earlier position (the reader reads forward to fromSeq).
     */
    void position(SingleChronicleQueue q, long fromSeq, int interval) {
        splitter.clear();
        toStart();
        if (fromSeq <= 0) return;
        NavigableSet<Long> cycles;
        try {
            cycles = q.listCyclesBetween(q.firstCycle(), q.lastCycle());
        } catch (RuntimeException e) {
            return;
        }
        ByteWriter buf = new ByteWriter(256);
        RecordDecoder check = new RecordDecoder();
        for (Long cycle : cycles.descendingSet()) {
            if (!tailer.moveToCycle(cycle.intValue())) continue;
            long startIndex = tailer.index();
            long firstSeq = firstSeqAt(startIndex, buf, check);
            if (firstSeq < 0 || firstSeq > fromSeq) continue;
            long keyframe = Math.max(firstSeq, fromSeq - fromSeq % interval);
            if (framed()) {
                tailer.moveToIndex(lastExcerptStartingAtOrBefore(startIndex, keyframe, buf, check));
                return;
            }
            long target = startIndex + (keyframe - firstSeq);
            if (tailer.moveToIndex(target) && read(tailer, buf) && check.checksumOk(buf.array(), 0, buf.length())
                    && RecordDecoder.peekSeq(buf.array(), 0, buf.length()) == keyframe
                    && RecordDecoder.peekKeyframe(buf.array(), 0, buf.length())) {
                tailer.moveToIndex(target);
            } else {
                tailer.moveToIndex(startIndex);
            }
            return;
        }
        toStart();
    }

    /**
     * To the first excerpt. Over a view without damaged files ({@link IntactFilesView}) the queue's
     * metadata still names the first cycle ever written, and a tailer sent there finds no file
     * and reads nothing at all: such a cursor starts at the view's first file.
     */
    private void toStart() {
        tailer.toStart();
        if (startCycle >= 0) tailer.moveToCycle(startCycle);
    }

    /**
     * The highest excerpt index from {@code lo} on whose first record has seq &le; {@code seq}, given
     * that {@code lo}'s does: an exponential probe forward, then a binary search. An excerpt that
     * cannot be read or checked counts as "after", which can only move the answer earlier.
     */
    private long lastExcerptStartingAtOrBefore(long lo, long seq, ByteWriter buf, RecordDecoder check) {
        long step = 1;
        long hi = lo + step;
        while (true) {
            long s = firstSeqAt(hi, buf, check);
            if (s < 0 || s > seq) break;
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            long s = firstSeqAt(mid, buf, check);
            if (s >= 0 && s <= seq) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Seq of the first record of the excerpt at {@code index}, or -1 (no such excerpt, or damaged). */
    private long firstSeqAt(long index, ByteWriter buf, RecordDecoder check) {
        if (!tailer.moveToIndex(index) || !read(tailer, buf)) return -1;
        byte[] rec = buf.array();
        int len = buf.length();
        if (framed()) {
            Frames.Splitter s = new Frames.Splitter();
            s.reset(buf.toByteArray(), len);
            if (!s.next(buf)) return -1;
            rec = buf.array();
            len = buf.length();
        }
        if (!check.checksumOk(rec, 0, len)) return -1;
        try {
            return RecordDecoder.peekSeq(rec, 0, len);
        } catch (DecodeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            tailer.close();
        } finally {
            onClose.run();
        }
    }
}
