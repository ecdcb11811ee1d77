package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.SessionEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * proc.vmsize, proc.vmrss, proc.vmswap, thread.vmsize and thread.vmrss from the memory an Exec
 * event carries (schema v8): the main thread has them, other threads have no proc.vm* and 0 for
 * thread.vm* (as in libsinsp), a forked child has none until it execs, and an exec without them
 * (an older journal) gives none.
 */
class MemoryFieldsTest {

    private static final List<String> FIELDS = List.of("proc.vmsize", "proc.vmrss", "proc.vmswap", "thread.vmsize",
            "thread.vmrss");

    private static Harness app() {
        return new Harness().feed(start("box"), exec(60, "/usr/bin/app", "app").memory(9_876, 1_234, 56).build(),
                sys(T0, 60, 60, "getpid", 60));
    }

    @Test
    void theMainThreadHasTheExecsFigures() {
        Harness h = app();
        assertEquals(9_876L, h.value("proc.vmsize"));
        assertEquals(1_234L, h.value("proc.vmrss"));
        assertEquals(56L, h.value("proc.vmswap"));
        assertEquals(9_876L, h.value("thread.vmsize"));
        assertEquals(1_234L, h.value("thread.vmrss"));
    }

    @Test
    void otherThreadsHaveNoProcFiguresAndZeroThreadFigures() {
        Harness h = app().feed(thread(T0 + 1, 60, 61), sys(T0 + 2, 60, 61, "getpid", 60));
        assertNull(h.value("proc.vmsize"), "Falco's come from the thread's clone, which pdig does not read");
        assertNull(h.value("proc.vmrss"));
        assertNull(h.value("proc.vmswap"));
        assertEquals(0L, h.value("thread.vmsize"), "libsinsp gives 0 on a thread that is not the main one");
        assertEquals(0L, h.value("thread.vmrss"));
        h.feed(sys(T0 + 3, 60, 60, "getpid", 60));
        assertEquals(9_876L, h.value("proc.vmsize"), "the main thread again");
    }

    @Test
    void aForkedChildHasNoneUntilItExecs() {
        Harness h = app().feed(fork(T0 + 1, 60, 70), sys(T0 + 2, 70, 70, "getpid", 70));
        for (String f : FIELDS) assertNull(h.value(f), f);
        h.feed(exec(70, "/usr/bin/id", "id").ts(T0 + 3).ppid(60).memory(2_000, 900, 0).build(),
                sys(T0 + 3, 70, 70, "execve", 0, "filename", "/usr/bin/id"));
        assertEquals(2_000L, h.value("proc.vmsize"));
        assertEquals(900L, h.value("thread.vmrss"));
        assertEquals(0L, h.value("proc.vmswap"), "0 is a value: nothing swapped out");
    }

    @Test
    void anExecWithoutThemGivesNone() {
        Harness h = new Harness().feed(start("box"), exec(60, "/usr/bin/app", "app").build(), sys(T0, 60, 60, "getpid", 60));
        for (String f : FIELDS) assertNull(h.value(f), f);
        h.feed(thread(T0 + 1, 60, 61), sys(T0 + 2, 60, 61, "getpid", 60));
        assertEquals(0L, h.value("thread.vmsize"), "other threads' 0 does not depend on knowing the main thread's");
    }

    @Test
    void anAttachedProcessHasItsSnapshotsFigures() {
        SessionEvent.ProcessSnapshot snap = new SessionEvent.ProcessSnapshot(
                exec(80, "/usr/sbin/server", "server").memory(50_000, 20_000, 1_000).build(), Map.of());
        Harness h = new Harness().feed(start("box", snap), sys(T0, 80, 80, "getpid", 80));
        assertEquals(50_000L, h.value("proc.vmsize"));
        assertEquals(1_000L, h.value("proc.vmswap"));
    }
}
