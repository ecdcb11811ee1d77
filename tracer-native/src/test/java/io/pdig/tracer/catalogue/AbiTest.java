package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import java.util.List;
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
}
