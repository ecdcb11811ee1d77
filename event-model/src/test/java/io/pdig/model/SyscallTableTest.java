package io.pdig.model;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallFlag;
import io.pdig.model.syscall.SyscallTable;
import org.junit.jupiter.api.Test;

class SyscallTableTest {

    @Test
    void numbersComeFromTheKernelHeadersForBothAbis() {
        assertEquals("openat", SyscallTable.byNumber(Abi.X86_64, 257).name());
        assertEquals("open", SyscallTable.byNumber(Abi.I386, 5).name());
        assertEquals("fstat", SyscallTable.byNumber(Abi.X86_64, 5).name());
        assertEquals(435, SyscallTable.byName("clone3").nr64());
    }

    @Test
    void defaultSetHoldsTheSecurityRelevantCalls() {
        for (String name : new String[] {"execve", "execveat", "clone3", "openat2", "memfd_create", "init_module",
                "finit_module", "ptrace", "setns", "unshare", "bpf", "seccomp", "io_uring_setup", "unlinkat",
                "renameat2", "symlinkat", "linkat", "fchmodat", "fchownat", "kill", "tgkill", "capset", "prctl",
                "setresuid", "close_range", "pidfd_open", "process_vm_writev"}) {
            assertTrue(SyscallTable.defaultSet().contains(name), name);
        }
        assertFalse(SyscallTable.defaultSet().contains("read"));
    }

    @Test
    void unknownRowsAreGenericAndKnownRowsUseFalcoNames() {
        Syscall openat = SyscallTable.byName("openat");
        assertEquals("fd", openat.resultName());
        assertEquals(1, openat.argIndex("name"));
        assertEquals(ArgKind.PATH, openat.args().get(1).kind());
        Syscall generic = SyscallTable.byName("mlock");
        assertEquals(6, generic.args().size());
        assertTrue(SyscallTable.byName("close").has(SyscallFlag.SKIP_EXIT));
    }
}
