package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain clone (no CLONE_VFORK, CLONE_UNTRACED or namespace flag) makes no entry stop in a set
 * pdig derives: a success is reported from its fork event, a failure (which makes no fork event)
 * not at all. A set the user named stops at every clone's entry, so its failures are reported with
 * their errno, as strace shows them; the derived sets keep their one stop fewer per fork.
 */
@ExtendWith(LeakCheck.class)
@Timeout(90)
class FailedCloneTest {

    private static final long SIGCHLD = 17;
    private static final long CLONE_SIGHAND = 0x800;
    private static final long CLONE_PIDFD = 0x1000;
    private static final long CLONE_PARENT_SETTID = 0x100000;
    private static final long CLONE_NEWUTS = 0x04000000;

    /** clone_fails: two clones the kernel refuses with EINVAL, then one that makes a child. */
    @Test
    void aNamedCloneIsReportedWhenItFails() throws Exception {
        Traced t = Tracing.program("clone_fails").syscalls(Set.of("clone")).everyCall(true).run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        int einval = SignalTest.group(t.output(), "sighand -1 errno (\\d+)");
        assertEquals(einval, SignalTest.group(t.output(), "pidfd -1 errno (\\d+)"), t.output());
        int child = SignalTest.group(t.output(), "plain (\\d+) errno 0");
        List<SyscallEvent> clones = t.syscalls("clone");
        assertEquals(3, clones.size(), t.describeEvents());
        assertCall(clones.get(0), CLONE_SIGHAND | SIGCHLD, -einval);
        assertCall(clones.get(1), CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, -einval);
        assertCall(clones.get(2), SIGCHLD, child);
    }

    /**
     * The default set keeps its rule: the plain clone that succeeds is reported from its fork
     * event (no entry stop, so no duration), the failed ones are not seen.
     */
    @Test
    void theDefaultSetReportsOnlyTheCloneThatMadeAChild() throws Exception {
        Traced t = Tracing.program("clone_fails").run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> clones = t.syscalls("clone");
        assertEquals(1, clones.size(), t.describeEvents());
        assertEquals(SignalTest.group(t.output(), "plain (\\d+) errno 0"), clones.get(0).res(), Events.describe(clones.get(0)));
        assertFalse(clones.get(0).hasDuration(), "no entry stop: " + Events.describe(clones.get(0)));
    }

    /**
     * A clone that stopped at its entry (a namespace flag) and failed must leave nothing behind for
     * the next one: its flags were once kept until a fork event that never came, so the plain clone
     * after it (no entry stop in a derived set) was taken for it: not reported, and its child's
     * Spawn carried the failed call's CLONE_NEWUTS.
     */
    @Test
    void aFailedFlaggedCloneDoesNotHideTheNextOne() throws Exception {
        Traced t = Tracing.program("clone_fails", "ns-then-plain").run(15_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        long child = SignalTest.group(t.output(), "plain (\\d+) errno 0");
        List<SyscallEvent> made = t.syscalls("clone").stream().filter(c -> c.hasResult() && c.res() > 0).toList();
        assertEquals(1, made.size(), t.describeEvents());
        assertEquals(child, made.get(0).res(), Events.describe(made.get(0)));
        ProcessEvent.Spawn spawn = t.events(ProcessEvent.Spawn.class).stream().filter(s -> s.pid() == child)
                .findFirst().orElseThrow(() -> new AssertionError("no spawn of " + child + "\n" + t.describeEvents()));
        assertEquals(0, spawn.cloneFlags() & CLONE_NEWUTS, "the child's flags are its own clone's: " + spawn);
    }

    /**
     * Naming clone costs exactly its entry stop per fork, and a set pdig derives does not pay it:
     * the same fork loop traced for clone alone makes N more stops when clone is named. (Old code:
     * the same count both ways, and no failed clone seen.)
     */
    @Test
    void onlyANamedCloneAddsAStopPerFork() throws Exception {
        int forks = 20;
        long derived = stops(false, forks);
        long named = stops(true, forks);
        assertEquals(derived + forks, named, "derived " + derived + " stops, named " + named);
    }

    private static long stops(boolean everyCall, int forks) throws Exception {
        Traced t = Tracing.program("bench_create_processes", Integer.toString(forks)).syscalls(Set.of("clone"))
                .everyCall(everyCall).run(30_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> clones = t.syscalls("clone");
        assertEquals(forks, clones.size(), t.describeEvents());
        for (SyscallEvent c : clones) {
            assertTrue(c.hasResult() && c.res() > 0, Events.describe(c));
            assertEquals(everyCall, c.hasDuration(), "an entry stop only when named: " + Events.describe(c));
        }
        return t.session.counters().get("stops");
    }

    private static void assertCall(SyscallEvent c, long flags, long res) {
        assertEquals(flags, ((ArgValue.Num) c.arg("flags")).value(), Events.describe(c));
        assertTrue(c.hasResult(), Events.describe(c));
        assertEquals(res, c.res(), Events.describe(c));
        assertTrue(c.hasDuration(), "seen from its entry stop: " + Events.describe(c));
    }
}
