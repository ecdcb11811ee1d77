package io.pdig.model.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Wait statuses the live test (PrintLinesTest.waitShowsTheStatusItWrote) does not produce. */
class WaitStatusesTest {

    @Test
    void coreDumpsContinuationsAndPtraceEvents() {
        assertEquals("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]", WaitStatuses.strace(0x8b));
        assertEquals("[{WIFCONTINUED(s)}]", WaitStatuses.strace(0xffff));
        // a ptrace stop at a clone event: SIGTRAP with PTRACE_EVENT_CLONE (3) in bits 16-23
        assertEquals("[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x30000}]", WaitStatuses.strace(0x3057f));
    }
}
