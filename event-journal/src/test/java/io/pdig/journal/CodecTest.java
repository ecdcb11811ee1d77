package io.pdig.journal;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.journal.codec.DecodeException;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.journal.codec.RecordEncoder;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {

    private static byte[] encode(RecordEncoder enc, long seq, Event e, boolean keyframe) {
        enc.encode(seq, e, keyframe);
        return Arrays.copyOf(enc.array(), enc.length());
    }

    @Test
    void everyEventKindRoundTripsWithAndWithoutKeyframes() {
        List<Event> events = SampleEvents.all();
        for (int keyEvery : new int[] {1, 3, 1000}) {
            RecordEncoder enc = new RecordEncoder();
            RecordDecoder dec = new RecordDecoder();
            for (int i = 0; i < events.size(); i++) {
                byte[] r = encode(enc, i, events.get(i), i % keyEvery == 0);
                assertTrue(dec.checksumOk(r, 0, r.length));
                assertEquals(i, RecordDecoder.peekSeq(r, 0, r.length));
                assertEquals(EventText.of(events.get(i)), EventText.of(dec.decode(r, 0, r.length)), "event " + i);
            }
        }
    }

    @Test
    void aDurationRoundTripsAndItsAbsenceCostsNothing() {
        SyscallEvent timed = new SyscallEvent(SampleEvents.T0, 4001, 4001, Abi.X86_64, 35, 0, true,
                new ArgValue[] {new ArgValue.Num(0x7ffc12345670L), ArgValue.Null.INSTANCE}, 50_123_456);
        SyscallEvent untimed = new SyscallEvent(timed.ts(), timed.tid(), timed.pid(), timed.abi(), timed.nr(), timed.res(),
                timed.hasResult(), timed.args());
        byte[] withIt = encode(new RecordEncoder(), 7, timed, true);
        byte[] without = encode(new RecordEncoder(), 7, untimed, true);
        assertEquals(50_123_456, ((SyscallEvent) new RecordDecoder().decode(withIt, 0, withIt.length)).duration());
        assertEquals(SyscallEvent.NO_DURATION, ((SyscallEvent) new RecordDecoder().decode(without, 0, without.length)).duration());
        // One flags byte and a 4-byte varint; an event without a duration is coded as v4 coded it.
        assertEquals(without.length + 1 + 4, withIt.length);
    }

    /**
     * An iovec array (v6's IOVEC tag) round-trips exactly: a segment read, one cut, one without
     * bytes (unreadable), a count past the segments read, a pointer-sized base, and the
     * saturated sum a write's moved can be; an empty array too.
     */
    @Test
    void anIoVecRoundTrips() {
        ArgValue.IoVec v = new ArgValue.IoVec(40, new long[] {0x7ffc12345670L, 0x10, 0x55aa00001000L},
                new long[] {5, 3, 100}, new int[] {5, -1, 75}, ("hello" + "x".repeat(75)).getBytes(java.nio.charset.StandardCharsets.US_ASCII), -1L);
        ArgValue.IoVec empty = new ArgValue.IoVec(0, new long[0], new long[0], new int[0], new byte[0], 0);
        SyscallEvent e = new SyscallEvent(SampleEvents.T0, 4001, 4001, Abi.X86_64, 20, -14, true,
                new ArgValue[] {ArgValue.Num.of(4), v, ArgValue.Num.of(40)});
        SyscallEvent e2 = new SyscallEvent(SampleEvents.T0 + 1, 4001, 4001, Abi.X86_64, 20, 0, true,
                new ArgValue[] {ArgValue.Num.of(4), empty, ArgValue.Num.of(0)});
        RecordEncoder enc = new RecordEncoder();
        RecordDecoder dec = new RecordDecoder();
        List<SyscallEvent> both = List.of(e, e2);
        for (int i = 0; i < both.size(); i++) {
            SyscallEvent x = both.get(i);
            byte[] r = encode(enc, i, x, i == 0);
            assertEquals(EventText.of(x), EventText.of(dec.decode(r, 0, r.length)));
        }
        assertTrue(EventText.of(e).contains("IoVec(40,[" + 0x7ffc12345670L + ", 16, " + 0x55aa00001000L + "],[5, 3, 100],[5, -1, 75],"),
                EventText.of(e));
    }

    /**
     * A msghdr (v6's MSGHDR tag) round-trips exactly: sendmsg's with an address, two segments and
     * an SCM_RIGHTS message of two fds followed by another level's message; recvmsg's with the
     * entry's msg_namelen and nothing read behind its pointers; a failed recvmsg's namelen only.
     */
    @Test
    void aMsgHdrRoundTrips() {
        byte[] addr = {2, 0, 0, 9, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        ArgValue.IoVec iov = new ArgValue.IoVec(2, new long[] {0x7ffc1000L, 0x7ffc2000L}, new long[] {5, 4},
                new int[] {5, 4}, "hello udp".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 9);
        ArgValue.MsgHdr sent = new ArgValue.MsgHdr(true, 0x7ffc3000L, addr, 16, -1, 0x7ffc4000L, 2, iov, 0x7ffc5000L, 48,
                new long[] {24, 1, 1, 2, 5, 7, 16, 0, 8, 0}, 0x40);
        ArgValue.MsgHdr bare = new ArgValue.MsgHdr(true, 0x10, null, 128, 128, 0x20, 3, null, 0x30, 24, null, 0x20);
        ArgValue.MsgHdr failed = ArgValue.MsgHdr.failed(16);
        RecordEncoder enc = new RecordEncoder();
        RecordDecoder dec = new RecordDecoder();
        List<ArgValue.MsgHdr> all = List.of(sent, bare, failed);
        for (int i = 0; i < all.size(); i++) {
            SyscallEvent x = new SyscallEvent(SampleEvents.T0 + i, 4001, 4001, Abi.X86_64, 46, 9, true,
                    new ArgValue[] {ArgValue.Num.of(4), all.get(i), ArgValue.Num.of(0)});
            byte[] r = encode(enc, i, x, i == 0);
            assertEquals(EventText.of(x), EventText.of(dec.decode(r, 0, r.length)));
        }
        assertTrue(EventText.of(new SyscallEvent(SampleEvents.T0, 4001, 4001, Abi.X86_64, 46, 9, true,
                new ArgValue[] {sent})).contains("[24, 1, 1, 2, 5, 7, 16, 0, 8, 0],64)"));
    }

    @Test
    void anMMsgHdrVectorRoundTrips() {
        byte[] addr = {2, 0, 0, 9, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        ArgValue.IoVec iov = new ArgValue.IoVec(2, new long[] {0x7ffc1000L, 0x7ffc2000L}, new long[] {5, 4},
                new int[] {5, 4}, "hello udp".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 9);
        ArgValue.MsgHdr named = new ArgValue.MsgHdr(true, 0x7ffc3000L, addr, 16, 128, 0x7ffc4000L, 2, iov, 0x7ffc5000L, 24,
                new long[] {20, 1, 1, 1, 7}, 0);
        ArgValue.MsgHdr bare = new ArgValue.MsgHdr(true, 0, null, 0, -1, 0x10, 1, null, 0, 0, null, 0x20);
        ArgValue.MMsgHdrs sent = new ArgValue.MMsgHdrs(33, new ArgValue.MsgHdr[] {named, bare}, new long[] {9, -1}, 0);
        ArgValue.MMsgHdrs cut = new ArgValue.MMsgHdrs(3, new ArgValue.MsgHdr[] {bare}, new long[] {0}, 0x7f0000001000L);
        ArgValue.MMsgHdrs none = new ArgValue.MMsgHdrs(0, new ArgValue.MsgHdr[0], new long[0], 0);
        RecordEncoder enc = new RecordEncoder();
        RecordDecoder dec = new RecordDecoder();
        List<ArgValue.MMsgHdrs> all = List.of(sent, cut, none);
        for (int i = 0; i < all.size(); i++) {
            SyscallEvent x = new SyscallEvent(SampleEvents.T0 + i, 4001, 4001, Abi.X86_64, 307, 2, true,
                    new ArgValue[] {ArgValue.Num.of(4), all.get(i), ArgValue.Num.of(2), ArgValue.Num.of(0)});
            byte[] r = encode(enc, i, x, i == 0);
            assertEquals(EventText.of(x), EventText.of(dec.decode(r, 0, r.length)));
        }
        assertTrue(EventText.of(new SyscallEvent(SampleEvents.T0, 4001, 4001, Abi.X86_64, 307, 1, true,
                new ArgValue[] {cut})).contains("[0],139637976731648)"));
    }

    @Test
    void anExecsExeFileRoundTripsAlsoInsideASessionStart() {
        ProcessEvent.Exec plain = SampleEvents.exec(SampleEvents.T0, 4001);
        ProcessEvent.ExeFile f = new ProcessEvent.ExeFile(0x8000_0000_0000_0001L, 1_700_000_000_123_456_789L, 0, true, true);
        ProcessEvent.Exec with = SampleEvents.withExeFile(plain, f);
        byte[] r = encode(new RecordEncoder(), 1, with, true);
        ProcessEvent.Exec back = (ProcessEvent.Exec) new RecordDecoder().decode(r, 0, r.length);
        assertEquals(f, back.exeFile());
        assertEquals(EventText.of(with), EventText.of(back));
        byte[] without = encode(new RecordEncoder(), 1, plain, true);
        assertNull(((ProcessEvent.Exec) new RecordDecoder().decode(without, 0, without.length)).exeFile());

        SessionEvent.Start st = new SessionEvent.Start(SampleEvents.T0, 4000, 4000, "h", "b", "v", 6, List.of(), 4001,
                List.of(new SessionEvent.ProcessSnapshot(with, java.util.Map.of())));
        byte[] s = encode(new RecordEncoder(), 2, st, true);
        SessionEvent.Start stBack = (SessionEvent.Start) new RecordDecoder().decode(s, 0, s.length);
        assertEquals(f, stBack.processes().get(0).exec().exeFile());
    }

    /**
     * Each overlayfs layer (v7) round-trips, and the upper one keeps the exec's EXE_UPPER_LAYER bit
     * (bit2, which a v6 decoder also reads).
     */
    @Test
    void theExeLayerRoundTripsEveryValue() {
        ProcessEvent.Exec plain = SampleEvents.exec(SampleEvents.T0, 4001);
        for (ProcessEvent.Layer l : ProcessEvent.Layer.values()) {
            ProcessEvent.ExeFile f = new ProcessEvent.ExeFile(12, 1_700_000_000_123_456_789L, 5, false, l);
            ProcessEvent.Exec with = SampleEvents.withExeFile(plain, f);
            byte[] r = encode(new RecordEncoder(), 1, with, true);
            ProcessEvent.Exec back = (ProcessEvent.Exec) new RecordDecoder().decode(r, 0, r.length);
            assertEquals(f, back.exeFile(), l.name());
            assertEquals(l == ProcessEvent.Layer.UPPER, back.exeUpperLayer(), l.name());
            assertEquals(EventText.of(with), EventText.of(back));
        }
    }

    /**
     * An exec's memory (v8, bit7) round-trips with and without the exe's facts before it, and
     * inside a session start's snapshot; an exec without it reads as unknown.
     */
    @Test
    void anExecsMemoryRoundTripsAlsoInsideASessionStart() {
        ProcessEvent.Exec plain = SampleEvents.exec(SampleEvents.T0, 4001);
        ProcessEvent.Memory m = new ProcessEvent.Memory(9_876_543, 123_456, 789);
        ProcessEvent.ExeFile f = new ProcessEvent.ExeFile(12, 1_700_000_000_123_456_789L, 5, true, ProcessEvent.Layer.LOWER);
        for (ProcessEvent.Exec with : List.of(SampleEvents.withMemory(plain, m),
                SampleEvents.withMemory(SampleEvents.withExeFile(plain, f), m))) {
            byte[] r = encode(new RecordEncoder(), 1, with, true);
            ProcessEvent.Exec back = (ProcessEvent.Exec) new RecordDecoder().decode(r, 0, r.length);
            assertEquals(m, back.memory());
            assertEquals(with.exeFile(), back.exeFile());
            assertEquals(EventText.of(with), EventText.of(back));
            SessionEvent.Start st = new SessionEvent.Start(SampleEvents.T0, 4000, 4000, "h", "b", "v", 8, List.of(), 4001,
                    List.of(new SessionEvent.ProcessSnapshot(with, java.util.Map.of())));
            byte[] s = encode(new RecordEncoder(), 2, st, true);
            SessionEvent.Start stBack = (SessionEvent.Start) new RecordDecoder().decode(s, 0, s.length);
            assertEquals(m, stBack.processes().get(0).exec().memory());
        }
        byte[] without = encode(new RecordEncoder(), 1, plain, true);
        assertNull(((ProcessEvent.Exec) new RecordDecoder().decode(without, 0, without.length)).memory());
    }

    @Test
    void extensionFlagsThisVersionDoesNotKnowAreIgnored() {
        SyscallEvent untimed = new SyscallEvent(SampleEvents.T0, 4001, 4001, Abi.X86_64, 39, 4001, true, new ArgValue[0]);
        byte[] r = encode(new RecordEncoder(), 3, untimed, true);
        // A later version's trailing field behind flag bit 1 (no duration): a decoder of this
        // version reads the event and leaves the duration unknown.
        byte[] later = Arrays.copyOf(r, r.length + 2);
        later[r.length] = 0x02;
        later[r.length + 1] = 0x05;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(later, 4, later.length - 4);
        int c = (int) crc.getValue();
        for (int i = 0; i < 4; i++) later[i] = (byte) (c >>> (8 * i));
        RecordDecoder dec = new RecordDecoder();
        assertTrue(dec.checksumOk(later, 0, later.length));
        SyscallEvent back = (SyscallEvent) dec.decode(later, 0, later.length);
        assertEquals(EventText.of(untimed), EventText.of(back));
    }

    @Test
    void deltaRecordNeedsItsContextAndKeyframeDoesNot() {
        List<Event> events = SampleEvents.findLike(10, SampleEvents.T0);
        RecordEncoder enc = new RecordEncoder();
        byte[] first = encode(enc, 0, events.get(0), true);
        byte[] second = encode(enc, 1, events.get(1), false);
        RecordDecoder fresh = new RecordDecoder();
        assertThrows(DecodeException.class, () -> fresh.decode(second, 0, second.length));
        RecordDecoder dec = new RecordDecoder();
        dec.decode(first, 0, first.length);
        assertEquals(EventText.of(events.get(1)), EventText.of(dec.decode(second, 0, second.length)));
        assertTrue(RecordDecoder.peekKeyframe(first, 0, first.length));
        assertFalse(RecordDecoder.peekKeyframe(second, 0, second.length));
    }

    @Test
    void everyFlippedByteIsCaughtByTheChecksum() {
        RecordEncoder enc = new RecordEncoder();
        byte[] r = encode(enc, 12345, SampleEvents.all().get(6), true);
        RecordDecoder dec = new RecordDecoder();
        for (int i = 0; i < r.length; i++) {
            byte[] d = r.clone();
            d[i] ^= 0x01;
            assertFalse(dec.checksumOk(d, 0, d.length), "flip at " + i);
        }
    }

    @Test
    void findLikeRecordsAreCompact() {
        List<Event> events = SampleEvents.findLike(10_000, SampleEvents.T0);
        RecordEncoder enc = new RecordEncoder();
        long total = 0;
        for (int i = 0; i < events.size(); i++) {
            enc.encode(i, events.get(i), i % 256 == 0);
            total += enc.length();
        }
        double avg = (double) total / events.size();
        // Mostly newfstatat with a path: the resolved path shares its directory with the previous one.
        assertTrue(avg < 40, "average record size " + avg);
    }
}
