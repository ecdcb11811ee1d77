package io.pdig.analyzer.state;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.Analyzer;
import io.pdig.model.event.NoticeEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    @Test
    void onlySyscallEventsReachTheRules() {
        TestEvents.Harness h = new TestEvents.Harness().feed(start("h"), exec(10, "/bin/sh", "sh").build(),
                fork(T0, 10, 11), new NoticeEvent(T0, 10, 10, NoticeEvent.Kind.INFO, 1, "x"),
                sys(10, "getpid", 10), exit(T0, 11), sys(10, "wait4", 11, "pid", -1));
        assertEquals(List.of("getpid", "wait4"), h.evaluatedTypes);
    }

    @Test
    void rulesSeeStateAfterTheUpdateAndBeforeDeferredRemovals() {
        List<String> seen = new ArrayList<>();
        Analyzer a = new Analyzer(UserDirectory.rootOnly(), StateLimits.DEFAULT,
                ctx -> seen.add(ctx.seq() + ":" + (ctx.fd() == null ? "-" : ctx.fd().name())));
        a.process(1, exec(10, "/bin/sh", "sh").build());
        a.process(2, sys(10, "openat", 3, "dirfd", -100, "name", "/etc/a", "flags", 0));
        a.process(3, sys(10, "close", 0, "fd", 3));
        a.process(4, sys(10, "fstat", 0, "fd", 3));
        assertEquals(List.of("2:/etc/a", "3:/etc/a", "4:-"), seen);
    }

    @Test
    void sequenceRegressionsAreCountedNotFatal() {
        List<Long> seen = new ArrayList<>();
        Analyzer a = new Analyzer(UserDirectory.rootOnly(), StateLimits.DEFAULT, ctx -> seen.add(ctx.seq()));
        a.process(5, sys(10, "getpid", 10));
        a.process(5, sys(10, "getpid", 10));
        a.process(3, sys(10, "getpid", 10));
        a.process(6, sys(10, "getpid", 10));
        assertEquals(List.of(5L, 5L, 3L, 6L), seen);
        assertEquals(2, a.counters().seqRegressions());
    }

    @Test
    void processTableIsBounded() {
        TestEvents.Harness h = new TestEvents.Harness(UserDirectory.rootOnly(), new StateLimits(3, 16));
        for (int pid = 100; pid < 106; pid++) {
            h.feed(exec(pid, "/bin/sh", "sh").build());
        }
        assertEquals(3, h.analyzer().state().processCount());
        assertEquals(3, h.analyzer().counters().processEvictions());
        assertNull(h.analyzer().state().process(100));
        assertNotNull(h.analyzer().state().process(105));
        assertThrows(IllegalArgumentException.class, () -> new StateLimits(0, 1));
    }

    @Test
    void repeatedLookupsOfOneProcessKeepTheLeastRecentlyUsedEviction() {
        TestEvents.Harness h = new TestEvents.Harness(UserDirectory.rootOnly(), new StateLimits(2, 16));
        h.feed(exec(100, "/bin/sh", "sh").build(), exec(101, "/bin/sh", "sh").build());
        // 100 becomes the most recently used, then is looked up again (served without the map)
        h.feed(sys(100, "getpid", 100), sys(100, "getpid", 100));
        h.feed(exec(102, "/bin/sh", "sh").build());
        assertNotNull(h.analyzer().state().process(100));
        assertNull(h.analyzer().state().process(101), "101 was the least recently used");
        assertEquals(1, h.analyzer().counters().processEvictions());
    }

    @Test
    void anExitedProcessIsNotServedFromTheLookupCache() {
        TestEvents.Harness h = new TestEvents.Harness(UserDirectory.rootOnly(), StateLimits.DEFAULT);
        h.feed(exec(100, "/bin/sh", "sh").build(), sys(100, "getpid", 100), exit(T0, 100));
        long unknown = h.analyzer().counters().unknownProcesses();
        // the exit's removal is applied when this event begins; 100 is then unknown again
        h.feed(sys(100, "getpid", 100));
        assertEquals(unknown + 1, h.analyzer().counters().unknownProcesses());
        assertTrue(h.analyzer().state().process(100).placeholder);
    }
}
