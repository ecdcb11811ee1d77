package io.pdig.journal;

import static io.pdig.journal.JournalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.journal.memory.InMemoryJournal;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InMemoryJournalTest {

    @Test
    void roundTripAndSequenceAcrossWriters() {
        List<Event> events = SampleEvents.all();
        try (InMemoryJournal j = new InMemoryJournal()) {
            try (JournalWriter w = j.writer()) {
                events.forEach(w::accept);
            }
            try (JournalWriter w = j.writer()) {
                events.forEach(w::accept);
            }
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            List<Event> twice = new ArrayList<>(events);
            twice.addAll(events);
            assertEquals(EventText.of(twice), texts(recs));
            assertEquals(range(0, twice.size()), seqs(recs));
            assertEquals(range(50, twice.size()), seqs(readAll(j, ReaderOptions.from(50))));
        }
    }

    @Test
    void namedReadersResume() {
        try (InMemoryJournal j = new InMemoryJournal()) {
            try (JournalWriter w = j.writer()) {
                SampleEvents.findLike(30, SampleEvents.T0).forEach(w::accept);
            }
            try (JournalReader r = j.reader("a")) {
                for (int i = 0; i < 10; i++) r.next();
            }
            try (JournalReader r = j.reader("a")) {
                assertEquals(range(10, 30), seqs(readAll(r)));
            }
            try (JournalReader r = j.reader("a")) {
                JournalException e = assertThrows(JournalException.class, () -> j.reader("a"));
                assertEquals("journal <memory>: reader 'a' is already open", e.getMessage());
            }
            try (JournalReader r = j.reader("b", ReaderOptions.from(25))) {
                assertEquals(range(25, 30), seqs(readAll(r)), "fromSeq applies to a name without a position");
            }
        }
    }

    @Test
    void dropModeNeverBlocksAndCountsEveryDroppedEvent() {
        JournalConfig cfg = JournalConfig.defaults().withBufferCapacity(10).withOverflow(JournalConfig.Overflow.DROP);
        List<Event> events = SampleEvents.findLike(101, SampleEvents.T0);
        try (InMemoryJournal j = new InMemoryJournal(cfg)) {
            j.pauseStore();
            JournalWriter w = j.writer();
            long t = System.nanoTime();
            for (int i = 0; i < 100; i++) w.accept(events.get(i));
            assertTrue(System.nanoTime() - t < 2_000_000_000L, "accept never waits");
            assertEquals(90, w.stats().dropped());
            j.resumeStore();
            w.flush();
            w.accept(events.get(100));
            w.close();
            JournalStats s = w.stats();
            assertEquals(90, s.dropped());
            assertEquals(12, s.eventsWritten());
            assertEquals(10, s.maxBufferDepth());
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            assertEquals(12, recs.size());
            assertEquals(EventText.of(events.subList(0, 10)), texts(recs.subList(0, 10)));
            NoticeEvent n = (NoticeEvent) recs.get(10).event();
            assertEquals(NoticeEvent.Kind.DROPPED_EVENTS, n.kind());
            assertEquals(90, n.count());
            assertEquals(EventText.of(events.get(100)), EventText.of(recs.get(11).event()));
        }
    }

    @Test
    void dropsNotYetReportedAreReportedAtClose() {
        JournalConfig cfg = JournalConfig.defaults().withBufferCapacity(4).withOverflow(JournalConfig.Overflow.DROP);
        try (InMemoryJournal j = new InMemoryJournal(cfg)) {
            j.pauseStore();
            JournalWriter w = j.writer();
            SampleEvents.findLike(9, SampleEvents.T0).forEach(w::accept);
            j.resumeStore();
            w.close();
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            assertEquals(5, recs.size());
            assertEquals(5, ((NoticeEvent) recs.get(4).event()).count());
        }
    }

    @Test
    @Timeout(30)
    void blockModeWaitsForRoomAndLosesNothing() throws Exception {
        JournalConfig cfg = JournalConfig.defaults().withBufferCapacity(10);
        List<Event> events = SampleEvents.findLike(25, SampleEvents.T0);
        try (InMemoryJournal j = new InMemoryJournal(cfg)) {
            j.pauseStore();
            JournalWriter w = j.writer();
            AtomicInteger done = new AtomicInteger();
            Thread producer = new Thread(() -> events.forEach(e -> {
                w.accept(e);
                done.incrementAndGet();
            }));
            producer.start();
            Thread.sleep(300);
            assertEquals(10, done.get(), "the producer waits once the buffer is full");
            assertTrue(producer.isAlive());
            j.resumeStore();
            producer.join();
            w.close();
            assertEquals(0, w.stats().dropped());
            assertEquals(EventText.of(events), texts(readAll(j, ReaderOptions.fromStart())));
        }
    }

    @Test
    @Timeout(30)
    void followReaderSeesRecordsAsTheyAreWrittenAndStopsWhenClosed() throws Exception {
        try (InMemoryJournal j = new InMemoryJournal()) {
            JournalReader r = j.reader(ReaderOptions.fromStart().following(true));
            List<JournalRecord> got = new CopyOnWriteArrayList<>();
            Thread follower = new Thread(() -> {
                for (JournalRecord rec = r.next(); rec != null; rec = r.next()) got.add(rec);
            });
            follower.start();
            try (JournalWriter w = j.writer()) {
                for (Event e : SampleEvents.findLike(200, SampleEvents.T0)) {
                    w.accept(e);
                    if (got.size() % 17 == 0) w.flush();
                }
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (got.size() < 200 && System.currentTimeMillis() < deadline) Thread.sleep(10);
            r.close();
            follower.join(5_000);
            assertFalse(follower.isAlive(), "close() from another thread ends a waiting next()");
            assertEquals(range(0, 200), seqs(got));
        }
    }

    @Test
    void eventTheCodecCannotRepresentBecomesANoticeAndLaterRecordsStayIntact() {
        List<Event> good = SampleEvents.findLike(5, SampleEvents.T0);
        Event bad = new io.pdig.model.event.SyscallEvent(SampleEvents.T0, 7, 7, io.pdig.model.syscall.Abi.X86_64, 257, 0, true,
                new io.pdig.model.event.ArgValue[] {new io.pdig.model.event.ArgValue.Num(0x7fff00001000L),
                        new io.pdig.model.event.ArgValue.Path(null, null, false)});
        try (InMemoryJournal j = new InMemoryJournal()) {
            try (JournalWriter w = j.writer()) {
                w.accept(good.get(0));
                w.accept(bad);
                for (int i = 1; i < 5; i++) w.accept(good.get(i));
            }
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            assertEquals(6, recs.size());
            NoticeEvent n = (NoticeEvent) recs.get(1).event();
            assertEquals(NoticeEvent.Kind.TRACER_ERROR, n.kind());
            assertTrue(n.message().startsWith("journal could not store SyscallEvent"), n.message());
            assertEquals(EventText.of(good.subList(1, 5)), texts(recs.subList(2, 6)));
        }
    }

    @Test
    void secondWriterAndUseAfterCloseAreRefused() {
        try (InMemoryJournal j = new InMemoryJournal()) {
            JournalWriter w = j.writer();
            JournalException e = assertThrows(JournalException.class, j::writer);
            assertTrue(e.getMessage().contains("already"), e.getMessage());
            w.close();
            assertThrows(JournalException.class, () -> w.accept(SampleEvents.all().get(0)));
        }
    }
}
