package io.pdig.journal.chronicle;

import io.pdig.journal.codec.ByteWriter;
import io.pdig.journal.codec.DecodeException;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.journal.store.RecordStore;
import io.pdig.journal.store.StoreDamageException;
import java.util.NavigableSet;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A Chronicle tailer as a {@link RecordStore.Cursor}. Confined to its reader's thread (Chronicle
 * tailers are single-threaded).
 */
final class ChronicleCursor implements RecordStore.Cursor {
    private final ExcerptTailer tailer;
    private final String label;

    ChronicleCursor(ExcerptTailer tailer, String label) {
        this.tailer = tailer;
        this.label = label;
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
            return read(tailer, into);
        } catch (RuntimeException e) {
            throw new StoreDamageException(label + ": store cannot read past index " + Long.toHexString(tailer.index())
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Positions the tailer at a keyframe at or before {@code fromSeq}: finds the last store file whose
     * first record (always a keyframe) has seq &le; fromSeq, then jumps to the keyframe at
     * {@code fromSeq - fromSeq % interval} by index arithmetic (indexes are contiguous within a
     * file), verifying what it lands on; any surprise falls back to the start of that file.
     */
    void position(SingleChronicleQueue q, long fromSeq, int interval) {
        tailer.toStart();
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
            if (!read(tailer, buf) || !check.checksumOk(buf.array(), 0, buf.length())) continue;
            long firstSeq;
            try {
                firstSeq = RecordDecoder.peekSeq(buf.array(), 0, buf.length());
            } catch (DecodeException e) {
                continue;
            }
            if (firstSeq > fromSeq) continue;
            long keyframe = Math.max(firstSeq, fromSeq - fromSeq % interval);
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
        tailer.toStart();
    }

    @Override
    public void close() {
        tailer.close();
    }
}
