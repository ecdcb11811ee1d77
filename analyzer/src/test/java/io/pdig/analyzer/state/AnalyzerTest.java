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
}
