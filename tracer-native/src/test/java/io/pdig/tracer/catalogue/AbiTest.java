package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalogue L: other ABIs reaching the kernel from a 64-bit tracee. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class AbiTest {

    /**
     * L1 where the kernel has no IA32 emulation: int $0x80 raises SIGSEGV untraced, and must do
     * exactly the same traced (no i386 syscall can have happened).
     */
    @Test
    void l1Int80WithoutIa32EmulationIsTransparent() throws Exception {
        Assumptions.assumeFalse(Abis.ia32Works(), "this kernel has IA32 emulation; see l1Int80Decoding");
        Traced t = Tracing.program("int80", "/etc/passwd").run(10_000);
        assertEquals(Termination.killed(11, false).signal(), t.termination().signal(), t.termination() + "\n" + t.output());
        assertTrue(t.events(SyscallEvent.class).stream().noneMatch(e -> e.abi() == Abi.I386), t.describeEvents());
    }

    /** L1/L3: int $0x80 calls are decoded with the i386 table (open, getgid32, execve). */
    @Test
    void l1Int80Decoding() throws Exception {
        Assumptions.assumeTrue(Abis.ia32Works(), "kernel without IA32 emulation: int $0x80 faults here");
        Traced t = Tracing.program("int80", "/etc/passwd", "exec").plus("getgid32").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> opens = t.syscalls("open").stream().filter(e -> e.abi() == Abi.I386).collect(Collectors.toList());
        assertEquals(1, opens.size(), t.describeEvents());
        assertEquals("/etc/passwd", Events.raw(opens.get(0), "name"));
        assertTrue(opens.get(0).res() >= 0);
        assertTrue(t.syscalls("getgid32").stream().anyMatch(e -> e.abi() == Abi.I386 && e.nr() == 200), t.describeEvents());
        assertTrue(t.syscalls("execve").stream().anyMatch(e -> e.abi() == Abi.I386 && e.nr() == 11), t.describeEvents());
    }

    /** L2: an x32 syscall is never let through: ENOSYS here, and no x32 call succeeds unseen. */
    @Test
    void l2X32SyscallIsRefused() throws Exception {
        Traced t = Tracing.program("x32").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("x32 getpid rc -1 errno 38"), t.output());
        for (SyscallEvent e : t.events(SyscallEvent.class)) {
            if (e.abi() == Abi.X32) assertTrue(e.res() < 0, "an x32 call never succeeds: " + Events.describe(e));
        }
    }

    /**
     * L4: entry and exit stops are never mixed up while the tracer switches between resuming
     * with PTRACE_CONT (close and fcntl F_SETFD: entry only) and PTRACE_SYSCALL (openat, dup,
     * F_DUPFD: their results are needed), with signal-delivery stops in between. Between its
     * begin and end markers the program's trace must be exactly its own sequence of calls, each
     * exit-stopped call with the result the program itself saw. With --trace-exits every call
     * is resumed with PTRACE_SYSCALL and the entry-only calls get their results (0) too.
     */
    @Test
    void l4EntryAndExitStopsStayPairedAcrossResumeModes() throws Exception {
        for (boolean traceExits : new boolean[] {false, true}) {
            Traced t = Tracing.program("stop_order", "150").traceExits(traceExits).run(30_000);
            assertEquals(Termination.exited(0), t.termination(), t.output());
            assertTrue(t.output().contains("signals=50"), t.output());
            List<String> expected = expectedStopOrderCalls(t.output(), traceExits);
            assertEquals(150 * 8, expected.size(), t.output());
            assertSameCalls(expected, stopOrderCallsBetweenMarkers(t), "--trace-exits " + traceExits);
        }
    }

    /** Fails at the first call that differs, naming its round (the lists hold 1200 calls). */
    private static void assertSameCalls(List<String> expected, List<String> seen, String mode) {
        for (int i = 0; i < Math.min(expected.size(), seen.size()); i++) {
            if (!expected.get(i).equals(seen.get(i))) {
                throw new AssertionError(mode + ": call " + i + " (round " + i / 8 + "): expected '" + expected.get(i)
                        + "', traced '" + seen.get(i) + "'; traced around it: "
                        + seen.subList(Math.max(0, i - 3), Math.min(seen.size(), i + 4)));
            }
        }
        assertEquals(expected.size(), seen.size(), mode + ": number of calls between the markers");
    }

    /** What stop_order's rounds must look like in the trace, built from the results it printed. */
    private static List<String> expectedStopOrderCalls(String output, boolean traceExits) {
        String entryOnly = traceExits ? " = 0" : "";
        List<String> calls = new ArrayList<>();
        Matcher m = Pattern.compile("R open=(-?\\d+) missing=(-?\\d+) dup=(-?\\d+) dupfd=(-?\\d+)").matcher(output);
        while (m.find()) {
            calls.add("openat /etc/hostname = " + m.group(1));
            calls.add("close " + m.group(1) + entryOnly);
            calls.add("openat /stop_order/missing = " + m.group(2));
            calls.add("dup 2 = " + m.group(3));
            calls.add("fcntl F_SETFD " + m.group(3) + entryOnly);
            calls.add("fcntl F_DUPFD " + m.group(3) + " = " + m.group(4));
            calls.add("close " + m.group(4) + entryOnly);
            calls.add("close " + m.group(3) + entryOnly);
        }
        return calls;
    }

    /** The program's openat, close, dup and fcntl events between its two marker opens, as text. */
    private static List<String> stopOrderCallsBetweenMarkers(Traced t) {
        List<String> calls = new ArrayList<>();
        int tid = -1;
        for (Event ev : t.events()) {
            if (!(ev instanceof SyscallEvent e)) continue;
            String path = e.name().equals("openat") ? Events.raw(e, "name") : null;
            if (tid < 0) {
                if ("/stop_order/begin".equals(path)) tid = e.tid();
                continue;
            }
            if (e.tid() != tid) continue;
            if ("/stop_order/end".equals(path)) return calls;
            String result = e.hasResult() ? " = " + e.res() : "";
            switch (e.name()) {
                case "openat" -> calls.add("openat " + path + result);
                case "close" -> calls.add("close " + num(e, "fd") + result);
                case "dup" -> calls.add("dup " + num(e, "fd") + result);
                case "fcntl" -> calls.add("fcntl " + (num(e, "cmd") == 2 ? "F_SETFD " : num(e, "cmd") == 0 ? "F_DUPFD " : "cmd "
                        + num(e, "cmd") + " ") + num(e, "fd") + result);
                default -> {
                }
            }
        }
        throw new AssertionError("stop_order's end marker is missing from the trace:\n" + t.describeEvents());
    }

    private static long num(SyscallEvent e, String arg) {
        return ((ArgValue.Num) e.arg(arg)).value();
    }
}
