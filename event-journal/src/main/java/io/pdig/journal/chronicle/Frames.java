package io.pdig.journal.chronicle;

import io.pdig.journal.codec.ByteWriter;
import io.pdig.journal.codec.DecodeException;
import io.pdig.journal.codec.RecordDecoder;

/**
 * How records sit in Chronicle excerpts. Two layouts exist:
 * <ul>
 *   <li>Layout 1 ("single"): one record per excerpt and nothing else. Journals written before
 *       frames existed, and every journal that already held records in this layout when a newer
 *       pdig appends to it, keep it.</li>
 *   <li>Layout 2 ("frames"): an excerpt is a frame of one or more records in sequence order, each
 *       preceded by its length: {@code frame := (length:u record)+}. A journal has this layout when
 *       its directory holds the file {@value #LAYOUT_FILE}; the writer creates that file before
 *       Chronicle creates any of its own, so no reader ever sees a record before it can know the
 *       layout.</li>
 * </ul>
 * Why frames: Chronicle's own per-excerpt work (header, write lock, index upkeep) cost more than
 * encoding the ~23-byte record on the journal thread, which shares two cores with the tracer and
 * the tracee (docs/BENCHMARKS.md, Journal). The records themselves, their checksums, sequence
 * numbers and keyframes are the same in both layouts: a frame only changes what one excerpt holds.
 */
final class Frames {
    /** The layout marker file in a journal directory (its presence means layout 2). */
    static final String LAYOUT_FILE = "layout";
    static final String LAYOUT_CONTENT = "frames\n";
    /** A frame is closed (written as an excerpt) once it holds at least this many bytes. */
    static final int FRAME_BYTES = 32 * 1024;

    private Frames() {
    }

    /** Appends one record to a frame being built. */
    static void add(ByteWriter frame, byte[] record, int length) {
        frame.uvarint(length);
        frame.raw(record, 0, length);
    }

    /**
     * Sequence number of the last record of a frame whose checksum holds, or -1 when none does.
     * Damage inside the frame ends the search at the damage.
     */
    static long lastIntactSeq(byte[] frame, int length, RecordDecoder check) {
        Splitter s = new Splitter();
        s.reset(frame, length);
        ByteWriter rec = new ByteWriter(256);
        long last = -1;
        while (s.next(rec)) {
            if (!check.checksumOk(rec.array(), 0, rec.length())) break;
            try {
                last = RecordDecoder.peekSeq(rec.array(), 0, rec.length());
            } catch (DecodeException e) {
                break;
            }
        }
        return last;
    }

    /**
     * Hands out the records of one frame in order. A length that does not fit the frame is damage:
     * the rest of the frame is then handed out as one record, which fails its checksum, so the
     * reader reports it like any other damaged record and goes on with the next excerpt.
     * One thread (the reader's).
     */
    static final class Splitter {
        private byte[] frame;
        private int pos;
        private int end;

        void reset(byte[] frame, int length) {
            this.frame = frame;
            this.pos = 0;
            this.end = length;
        }

        void clear() {
            frame = null;
            pos = 0;
            end = 0;
        }

        boolean hasNext() {
            return pos < end;
        }

        /** Copies the next record into {@code into}; false when the frame is used up. */
        boolean next(ByteWriter into) {
            if (pos >= end) return false;
            long n = 0;
            int p = pos;
            boolean ok = false;
            for (int shift = 0; shift < 35 && p < end; shift += 7) {
                int b = frame[p++] & 0xFF;
                n |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    ok = true;
                    break;
                }
            }
            if (!ok || n <= 0 || n > end - p) {
                int rest = end - pos;
                System.arraycopy(frame, pos, into.prepare(rest), 0, rest);
                pos = end;
                return true;
            }
            int len = (int) n;
            System.arraycopy(frame, p, into.prepare(len), 0, len);
            pos = p + len;
            return true;
        }
    }
}
