package io.pdig.journal.chronicle;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.journal.codec.ByteWriter;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.journal.codec.RecordEncoder;
import io.pdig.model.event.NoticeEvent;
import io.pdig.journal.JournalConfig;
import io.pdig.journal.store.RecordStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame layout on its own: packing, splitting, and what damage inside a frame turns into. */
class FramesTest {

    @TempDir
    Path tmp;

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

    @Test
    void aRecordThatFitsTheStoreAloneIsNeverAddedToAFullFrame() {
        // Chronicle refuses an excerpt over a quarter of its block (1 MiB with pdig's 4 MiB blocks).
        // A frame just under FRAME_BYTES plus a record just under that limit would exceed it.
        // Small records filling the frame to just under FRAME_BYTES (so none has been written yet).
        int smallCount = 0;
        for (int bytes = 0; ; smallCount++) {
            int next = record(smallCount).length + 2;
            if (bytes + next >= Frames.FRAME_BYTES) break;
            bytes += next;
        }
        RecordEncoder enc = new RecordEncoder();
        enc.encode(smallCount, new NoticeEvent(2, 7, 7, NoticeEvent.Kind.INFO, 1, "x".repeat(1_040_000)), true);
        byte[] big = Arrays.copyOf(enc.array(), enc.length());
        List<byte[]> written = new ArrayList<>();
        try (ChronicleStore store = new ChronicleStore(tmp.resolve("j"), JournalConfig.defaults())) {
            store.lockForWrite();
            assertEquals(0, store.openForWrite());
            for (int i = 0; i < smallCount; i++) {
                byte[] r = record(i);
                store.nextAppendStartsFile();
                store.append(r, r.length, i);
                written.add(r);
            }
            store.nextAppendStartsFile();
            store.append(big, big.length, smallCount);
            written.add(big);
            store.batchAppended(smallCount);
            store.closeWriter();
            List<byte[]> read = new ArrayList<>();
            try (RecordStore.Cursor c = store.cursor(0)) {
                ByteWriter into = new ByteWriter(64);
                while (c.next(into)) read.add(into.toByteArray());
            }
            assertEquals(written.size(), read.size());
            for (int i = 0; i < written.size(); i++) assertArrayEquals(written.get(i), read.get(i), "record " + i);
        }
    }
}
