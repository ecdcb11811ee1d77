package io.pdig.journal.chronicle;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.journal.codec.ByteWriter;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.journal.codec.RecordEncoder;
import io.pdig.model.event.NoticeEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame layout on its own: packing, splitting, and what damage inside a frame turns into. */
class FramesTest {

    private static byte[] record(long seq) {
        RecordEncoder enc = new RecordEncoder();
        enc.encode(seq, new NoticeEvent(1_000_000_000L + seq, 7, 7, NoticeEvent.Kind.INFO, seq, "record " + seq), true);
        return Arrays.copyOf(enc.array(), enc.length());
    }

    private static ByteWriter frameOf(List<byte[]> records) {
        ByteWriter f = new ByteWriter(64);
        for (byte[] r : records) Frames.add(f, r, r.length);
        return f;
    }

    private static List<byte[]> split(byte[] frame, int length) {
        Frames.Splitter s = new Frames.Splitter();
        s.reset(frame, length);
        List<byte[]> out = new ArrayList<>();
        ByteWriter into = new ByteWriter(16);
        while (s.next(into)) out.add(into.toByteArray());
        return out;
    }

    @Test
    void recordsComeBackInOrderAndIntact() {
        List<byte[]> recs = new ArrayList<>();
        for (long seq = 0; seq < 300; seq++) recs.add(record(seq));
        // One record longer than 127 bytes: a two-byte length prefix.
        recs.add(new byte[200]);
        ByteWriter f = frameOf(recs);
        List<byte[]> back = split(f.array(), f.length());
        assertEquals(recs.size(), back.size());
        for (int i = 0; i < recs.size(); i++) assertArrayEquals(recs.get(i), back.get(i), "record " + i);
    }

    @Test
    void lengthBeyondTheFrameHandsOutTheRestAsOneRecordThatFailsItsChecksum() {
        ByteWriter f = frameOf(List.of(record(0), record(1), record(2)));
        byte[] bytes = f.toByteArray();
        int second = 1 + record(0).length; // the length prefix of record 1 (record 0 is < 128 bytes)
        bytes[second] = 0x7F; // longer than what is left
        List<byte[]> back = split(bytes, bytes.length);
        assertEquals(2, back.size());
        assertArrayEquals(record(0), back.get(0));
        RecordDecoder check = new RecordDecoder();
        assertTrue(check.checksumOk(back.get(0), 0, back.get(0).length));
        assertFalse(check.checksumOk(back.get(1), 0, back.get(1).length));
        assertEquals(bytes.length - second, back.get(1).length);
    }

    @Test
    void zeroLengthAndTruncatedPrefixAreDamageToo() {
        byte[] zero = {0, 1, 2, 3};
        assertEquals(List.of(4), split(zero, zero.length).stream().map(b -> b.length).toList());
        byte[] truncated = {(byte) 0x80};
        assertEquals(List.of(1), split(truncated, truncated.length).stream().map(b -> b.length).toList());
        assertEquals(List.of(), split(new byte[0], 0));
    }

    @Test
    void lastIntactSeqStopsAtDamage() {
        RecordDecoder check = new RecordDecoder();
        ByteWriter f = frameOf(List.of(record(10), record(11), record(12)));
        assertEquals(12, Frames.lastIntactSeq(f.array(), f.length(), check));
        byte[] bytes = f.toByteArray();
        bytes[bytes.length - 3] ^= 0x01; // inside record 12
        assertEquals(11, Frames.lastIntactSeq(bytes, bytes.length, check));
        bytes[1 + 2] ^= 0x01; // inside record 10, the first
        assertEquals(-1, Frames.lastIntactSeq(bytes, bytes.length, check));
    }
}
