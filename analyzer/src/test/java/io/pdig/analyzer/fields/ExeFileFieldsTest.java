package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.ProcessEvent;
import org.junit.jupiter.api.Test;

/**
 * proc.is_exe_writable, proc.is_exe_upper/lower_layer, proc.exe_ino* and execve's EXE_* flags
 * (evt.arg.flags) from the exe inode facts an Exec event carries (schema v6), and their absence
 * when it carries none.
 */
class ExeFileFieldsTest {

    private static final long CTIME = T0 - 5_000_000_000L;
    private static final long MTIME = T0 - 90_000_000_000L;

    /** bash(50) forks 60 at T0, which execs /tmp/nc with the given facts, then its execve exits. */
    private static Harness execOf(ProcessEvent.ExeFile f, boolean memfd) {
        return new Harness().feed(start("box"),
                exec(50, "/usr/bin/bash", "bash").ts(T0 - 100_000_000_000L).build(),
                fork(T0, 50, 60),
                exec(60, "/tmp/nc", "nc", "-l").ts(T0 + 1_000_000).ppid(50).memfd(memfd).exeFile(f).build(),
                sys(T0 + 1_000_000, 60, 60, "execve", 0, "filename", "/tmp/nc"));
    }

    @Test
    void aWritableExecutableOnAPlainFilesystem() {
        Harness h = execOf(new ProcessEvent.ExeFile(4242, CTIME, MTIME, true, false), false);
        assertEquals("EXE_WRITABLE", h.value("evt.arg.flags"));
        assertEquals(true, h.value("proc.is_exe_writable"));
        assertEquals(false, h.value("proc.is_exe_upper_layer"));
        assertEquals(false, h.value("proc.is_exe_lower_layer"));
        assertEquals(4242L, h.value("proc.exe_ino"));
        assertEquals(CTIME, h.value("proc.exe_ino.ctime"));
        assertEquals(MTIME, h.value("proc.exe_ino.mtime"));
        assertEquals(5_000_000_000L, h.value("proc.exe_ino.ctime_duration_proc_start"), "clone at T0 minus the ctime");
        assertNull(h.value("proc.exe_ino.ctime_duration_pidns_start"), "pdig has no pid-namespace start time");
    }

    @Test
    void aFilelessOneKeepsBothFlagsInFalcosOrder() {
        Harness h = execOf(new ProcessEvent.ExeFile(7, CTIME, MTIME, true, false), true);
        assertEquals("EXE_WRITABLE|EXE_FROM_MEMFD", h.value("evt.arg.flags"));
    }

    @Test
    void notWritableAndOnOverlayfsWithTheLayerUnknown() {
        Harness h = execOf(new ProcessEvent.ExeFile(4242, CTIME, MTIME, false, true), false);
        assertEquals("0", h.value("evt.arg.flags"));
        assertEquals(false, h.value("proc.is_exe_writable"));
        assertNull(h.value("proc.is_exe_upper_layer"), "the tracer could not tell the layer (as in every v6 journal)");
        assertNull(h.value("proc.is_exe_lower_layer"));
    }

    /** Schema v7: the layer the tracer found gives both fields and one flag, in Falco's order. */
    @Test
    void upperAndLowerLayersGiveTheFieldsAndFalcosFlags() {
        Harness up = execOf(new ProcessEvent.ExeFile(4242, CTIME, MTIME, true, ProcessEvent.Layer.UPPER), false);
        assertEquals("EXE_WRITABLE|EXE_UPPER_LAYER", up.value("evt.arg.flags"));
        assertEquals(true, up.value("proc.is_exe_upper_layer"));
        assertEquals(false, up.value("proc.is_exe_lower_layer"));
        Harness low = execOf(new ProcessEvent.ExeFile(4242, CTIME, MTIME, true, ProcessEvent.Layer.LOWER), true);
        assertEquals("EXE_WRITABLE|EXE_FROM_MEMFD|EXE_LOWER_LAYER", low.value("evt.arg.flags"));
        assertEquals(false, low.value("proc.is_exe_upper_layer"));
        assertEquals(true, low.value("proc.is_exe_lower_layer"));
        // A forked child keeps its parent's exe and so its layer.
        up.feed(fork(T0 + 2_000_000, 60, 61), sys(T0 + 3_000_000, 61, 61, "getpid", 61));
        assertEquals(true, up.value("proc.is_exe_upper_layer"));
    }

    @Test
    void withoutTheFactsThereIsNoValueAndNoWritableFlag() {
        Harness h = execOf(null, false);
        assertEquals("0", h.value("evt.arg.flags"));
        assertNull(h.value("proc.is_exe_writable"));
        assertNull(h.value("proc.is_exe_lower_layer"));
        assertEquals(false, h.value("proc.is_exe_upper_layer"), "as before schema v6");
        assertNull(h.value("proc.exe_ino"));
        assertNull(h.value("proc.exe_ino.ctime"));
        assertNull(h.value("proc.exe_ino.mtime"));
        assertNull(h.value("proc.exe_ino.ctime_duration_proc_start"));
    }

    @Test
    void zerosHaveNoValueAsInFalcoAndALaterCtimeGivesANegativeDuration() {
        Harness h = execOf(new ProcessEvent.ExeFile(0, 0, 0, false, false), false);
        assertNull(h.value("proc.exe_ino"));
        assertNull(h.value("proc.exe_ino.ctime"));
        assertNull(h.value("proc.exe_ino.mtime"));
        assertEquals(T0, h.value("proc.exe_ino.ctime_duration_proc_start"), "Falco subtracts a ctime of 0 too");
        h = execOf(new ProcessEvent.ExeFile(1, T0, MTIME, false, false), false);
        assertNull(h.value("proc.exe_ino.ctime_duration_proc_start"), "a difference of 0 has no value");
        h = execOf(new ProcessEvent.ExeFile(1, T0 + 500, MTIME, false, false), false);
        assertEquals(-500L, h.value("proc.exe_ino.ctime_duration_proc_start"), "changed after the clone");
    }

    @Test
    void aForkedChildInheritsTheFactsUntilItExecsAgain() {
        Harness h = execOf(new ProcessEvent.ExeFile(4242, CTIME, MTIME, true, false), false);
        h.feed(fork(T0 + 2_000_000, 60, 61), sys(T0 + 3_000_000, 61, 61, "getpid", 61));
        assertEquals(4242L, h.value("proc.exe_ino"));
        assertEquals(true, h.value("proc.is_exe_writable"));
        h.feed(exec(61, "/usr/bin/id", "id").ts(T0 + 4_000_000).ppid(60)
                        .exeFile(new ProcessEvent.ExeFile(99, CTIME, MTIME, false, false)).build(),
                sys(T0 + 4_000_000, 61, 61, "execve", 0, "filename", "/usr/bin/id"));
        assertEquals(99L, h.value("proc.exe_ino"));
        assertEquals(false, h.value("proc.is_exe_writable"));
        assertEquals(T0 + 2_000_000L - CTIME, h.value("proc.exe_ino.ctime_duration_proc_start"),
                "the child's clone time, not its exec time");
    }
}
