package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A debugger or tracer under pdig fails with only "Operation not permitted" from its own ptrace
 * calls: pdig says once why (it is already every tracee's tracer). Real programs that really call
 * ptrace under the real ./pdig; the tracee's own output shows the call was refused.
 */
class NestedPtraceNoteTest {
    private static final String WHY = ": pdig is already the tracer of every process it follows, and a process can have only"
            + " one, so debuggers and tracers (gdb, strace) cannot trace programs under pdig";

    private static String program(String name) {
        return Pdig.repoRoot().resolve("test-programs/target/bin").resolve(name).toString();
    }

    private static List<String> notes(Pdig.Result r) {
        return r.stderr().lines().filter(l -> l.startsWith("pdig: note: ")).toList();
    }

    /** A forked child's PTRACE_TRACEME, as gdb's inferior and strace's own test make it. */
    @Test
    void aRefusedTraceMeIsExplainedOnce(@TempDir Path tmp) throws Exception {
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--", program("trig_ptrace_traceme"));
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.stdout().contains("PTRACE_TRACEME failed: Operation not permitted"), r.transcript());
        List<String> notes = notes(r);
        assertEquals(1, notes.size(), r.transcript());
        assertTrue(notes.get(0).matches("pdig: note: process \\d+ \\(trig_ptrace_tra\\) could not become traced"
                + " \\(ptrace PTRACE_TRACEME: EPERM\\)" + java.util.regex.Pattern.quote(WHY)), r.transcript());
    }

    /** PTRACE_ATTACH then PTRACE_SEIZE of its own child, which pdig traces: one note, for the first. */
    @Test
    void aRefusedAttachToAProcessPdigTracesIsExplainedOnce(@TempDir Path tmp) throws Exception {
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--", program("trig_ptrace_attach"));
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.stdout().contains("PTRACE_SEIZE failed: Operation not permitted"), r.transcript());
        List<String> notes = notes(r);
        assertEquals(1, notes.size(), r.transcript());
        assertTrue(notes.get(0).matches("pdig: note: process \\d+ \\(trig_ptrace_att\\) could not trace process \\d+"
                + " \\(ptrace PTRACE_ATTACH: EPERM\\)" + java.util.regex.Pattern.quote(WHY)), r.transcript());
    }

    /** A ptrace that fails for another reason (PEEKDATA of a child it does not trace: ESRCH) is not pdig's doing. */
    @Test
    void otherPtraceFailuresAreNotExplained(@TempDir Path tmp) throws Exception {
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--print", "-", "--", program("miss_ptrace_attach"));
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.stderr().contains("ptrace(PTRACE_PEEKDATA,") && r.stderr().contains("ESRCH"), r.transcript());
        assertEquals(List.of(), notes(r), r.transcript());
    }
}
