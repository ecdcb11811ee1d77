package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallClass;
import io.pdig.model.syscall.SyscallTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strace's classes in `--syscalls` of a real `./pdig run`: what the tracer stopped on, read from
 * the -c table, is the class's members and the names given, or everything but them after a '!'.
 */
class SyscallClassesRunTest {

    @TempDir
    Path tmp;

    /** A -c row: % time, seconds, usecs/call (each '-' for a row without a timed call), calls, optional errors, name. */
    private static final Pattern SUMMARY_ROW = Pattern.compile(
            "^\\s*(?:\\d+\\.\\d+|-)\\s+(?:\\d+\\.\\d+|-)\\s+(?:\\d+|-)\\s+\\d+\\s+(?:\\d+\\s+)?([a-z_0-9]+)$");

    /** The syscalls of the -c table of `pdig run --syscalls SPEC -c -- sh -c SCRIPT`. */
    private Set<String> counted(String spec, String script) throws Exception {
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--syscalls", spec, "-c", "--", "/bin/sh", "-c", script);
        assertEquals(0, r.exitCode(), r.transcript());
        Set<String> names = new TreeSet<>();
        for (String line : r.stderr().lines().toList()) {
            Matcher m = SUMMARY_ROW.matcher(line);
            if (m.matches() && !m.group(1).equals("total")) names.add(m.group(1));
        }
        assertFalse(names.isEmpty(), r.transcript());
        return names;
    }

    private static Set<String> members(SyscallClass c) {
        Set<String> out = new TreeSet<>();
        for (Syscall s : SyscallTable.all()) if (s.in(c)) out.add(s.name());
        return out;
    }

    @Test
    void aClassAndANameTraceTheClassMembersAndTheName() throws Exception {
        Set<String> seen = counted("%process,openat", "cat /etc/hostname > /dev/null; exit 0");
        Set<String> allowed = members(SyscallClass.PROCESS);
        allowed.add("openat");
        assertTrue(allowed.containsAll(seen), "only %process and openat: " + seen);
        assertTrue(seen.containsAll(List.of("execve", "openat", "exit_group")), seen.toString());
        assertTrue(seen.stream().anyMatch(n -> n.startsWith("wait") || n.equals("vfork") || n.startsWith("clone")),
                "the shell's child is made and waited for: " + seen);
    }

    @Test
    void aBangInFrontTracesEverythingElse() throws Exception {
        Set<String> seen = counted("!close,%memory", "cat /etc/hostname > /dev/null");
        assertTrue(seen.containsAll(List.of("execve", "openat", "read", "write", "exit_group")), seen.toString());
        assertFalse(seen.contains("close"), seen.toString());
        for (String m : members(SyscallClass.MEMORY)) assertFalse(seen.contains(m), m + " is %memory: " + seen);
    }

    @Test
    void anUnknownClassIsAOneLineUsageError() throws Exception {
        Pdig.Result r = Pdig.run(tmp, "run", "--syscalls", "openat,%files", "--", "/bin/true");
        assertEquals(2, r.exitCode(), r.transcript());
        assertEquals(1, r.stderr().strip().lines().count(), r.transcript());
        assertTrue(r.stderr().startsWith("pdig: --syscalls: unknown syscall class '%files' (classes: %file, "), r.stderr());
    }

    @Test
    void theTableShowsEachRowsClasses() throws Exception {
        Pdig.Result r = Pdig.run(tmp, "syscalls");
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.get(0).endsWith("STRACE CLASSES"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("openat ") && l.endsWith("]  %file,%desc")), r.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("getxattr ") && l.endsWith("]  %file")), "a generic row: " + r.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("futex ") && l.endsWith("]  -")), "no class: " + r.stdout());
    }
}
