package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls that would let a tracee tamper with pdig are refused, journalled and noticed. */
@Timeout(60)
class GuardTest {

    @Test
    void processVmWritevIntoPdigFailsWithEpermEvenWhenNotRequested() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 needed for a raw syscall");
        long self = ProcessHandle.current().pid();
        // The remote address is an unmapped low page: without the guard the kernel would answer
        // EFAULT (14), so the test cannot write into this JVM even if the guard were broken.
        String py = "import ctypes\n"
                + "libc = ctypes.CDLL(None, use_errno=True)\n"
                + "buf = ctypes.create_string_buffer(8)\n"
                + "class Iov(ctypes.Structure):\n"
                + "    _fields_ = [('base', ctypes.c_void_p), ('len', ctypes.c_size_t)]\n"
                + "loc = Iov(ctypes.cast(buf, ctypes.c_void_p), 8)\n"
                + "rem = Iov(0x10000, 8)\n"
                + "r = libc.syscall(311, " + self + ", ctypes.byref(loc), 1, ctypes.byref(rem), 1, 0)\n"
                + "print('rc', r, 'errno', ctypes.get_errno())\n"
                + "raise SystemExit(0 if ctypes.get_errno() == 1 else 3)\n";
        CollectingSink sink = new CollectingSink();
        Termination t = LaunchTest.run(LaunchTest.spec(Set.of("openat"), "/usr/bin/python3", "-c", py), sink);
        assertEquals(Termination.exited(0), t, "the call failed with EPERM:\n" + sink.dump());
        SyscallEvent w = sink.syscalls("process_vm_writev").get(0);
        assertEquals(-1, w.res(), "EPERM journalled");
        assertTrue(sink.of(NoticeEvent.class).stream().anyMatch(n -> n.kind() == NoticeEvent.Kind.REFUSED_SYSCALL
                && n.message().startsWith("process_vm_writev into pdig")), sink.dump());
    }
}
