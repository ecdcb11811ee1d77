package io.pdig.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * strace's classes in the syscall table and `--syscalls` specs read by SyscallSelector. The
 * expected members are what `strace -e trace=%CLASS` (strace 6.1) printed for a program that
 * made every x86_64 syscall (tools/check-strace-classes.sh).
 */
class SyscallClassesTest {

    private static Set<String> members(SyscallClass c) {
        Set<String> out = new TreeSet<>();
        for (Syscall s : SyscallTable.all()) if (s.in(c)) out.add(s.name());
        return out;
    }

    @Test
    void classesAreStraceMembershipForDescribedAndGenericRows() {
        // Small classes, whole: a missing or extra member shows here.
        assertEquals(Set.of("stat", "stat64", "oldstat"), members(SyscallClass.STAT));
        assertEquals(Set.of("fstat", "newfstatat", "statx", "fstat64", "fstatat64", "oldfstat"), members(SyscallClass.FSTAT));
        assertEquals(Set.of("statfs", "statfs64", "fstatfs", "fstatfs64", "ustat"), members(SyscallClass.ANY_STATFS));
        assertEquals(Set.of("msgctl", "msgget", "msgrcv", "msgsnd", "semctl", "semget", "semop", "semtimedop",
                "semtimedop_time64", "shmat", "shmctl", "shmdt", "shmget", "ipc"), members(SyscallClass.IPC));
        // %%stat is stat, lstat and fstat together, as in strace.
        Set<String> union = new TreeSet<>(members(SyscallClass.STAT));
        union.addAll(members(SyscallClass.LSTAT));
        union.addAll(members(SyscallClass.FSTAT));
        assertEquals(union, members(SyscallClass.ANY_STAT));
        // Described rows: strace's classes, not pdig's own FILE/PROCESS flags (read is not %file
        // in strace, execve is; kill is %process and %signal; getuid is %creds and %pure).
        assertEquals(Set.of(SyscallClass.FILE, SyscallClass.PROCESS), SyscallTable.byName("execve").classes());
        assertEquals(Set.of(SyscallClass.DESC), SyscallTable.byName("read").classes());
        assertEquals(Set.of(SyscallClass.FILE, SyscallClass.DESC), SyscallTable.byName("openat").classes());
        assertEquals(Set.of(SyscallClass.PROCESS, SyscallClass.SIGNAL), SyscallTable.byName("kill").classes());
        assertEquals(Set.of(SyscallClass.CREDS, SyscallClass.PURE), SyscallTable.byName("getuid").classes());
        assertEquals(Set.of(SyscallClass.DESC, SyscallClass.MEMORY), SyscallTable.byName("mmap").classes());
        // Generic rows (six hex arguments) have their classes too.
        Syscall generic = SyscallTable.byName("setxattr");
        assertEquals("arg0", generic.args().get(0).name(), "setxattr has no described row");
        assertEquals(Set.of(SyscallClass.FILE), generic.classes());
        assertEquals(Set.of(SyscallClass.CLOCK), SyscallTable.byName("clock_settime").classes());
        assertEquals(Set.of(SyscallClass.NETWORK), SyscallTable.byName("recvmmsg").classes());
        assertEquals(Set.of(), SyscallTable.byName("futex").classes());
        assertEquals(86 - 19, members(SyscallClass.FILE).stream().filter(n -> SyscallTable.byName(n).nr64() >= 0).count(),
                "strace -e trace=%file named 67 x86_64 syscalls");
    }

    @Test
    void namesAndClassesMix() {
        Set<String> set = SyscallSelector.select(List.of("%process", "openat"));
        Set<String> expected = new TreeSet<>(members(SyscallClass.PROCESS));
        expected.add("openat");
        assertEquals(expected, new TreeSet<>(set));
        assertTrue(set.containsAll(List.of("execve", "clone3", "wait4", "exit_group", "waitpid")), set.toString());
        assertFalse(set.contains("getpid"), "getpid is %pure, not %process, in strace");
        assertEquals(SyscallSelector.select(List.of("%network")), SyscallSelector.select(List.of("%net")));
        assertEquals(members(SyscallClass.ANY_STAT), SyscallSelector.select(List.of("%%stat")));
        assertEquals(Set.of("close"), SyscallSelector.select(List.of("", " close ", "")));
    }

    @Test
    void aBangInFrontSelectsEverythingElse() {
        Set<String> set = SyscallSelector.select(List.of("!close", "%memory"));
        assertFalse(set.contains("close"));
        for (String m : members(SyscallClass.MEMORY)) assertFalse(set.contains(m), m);
        assertTrue(set.containsAll(List.of("read", "openat", "execve", "exit_group", "futex")), set.toString());
        assertEquals(SyscallTable.all().list().size() - 1 - members(SyscallClass.MEMORY).size(), set.size());
    }

    @Test
    void badItemsAreNamedInOneLine() {
        assertEquals("unknown syscall class '%files' (classes: %file, %process, %network, %net, %signal, %ipc, %desc, "
                        + "%memory, %creds, %clock, %stat, %lstat, %fstat, %%stat, %statfs, %fstatfs, %%statfs, %pure)",
                assertThrows(IllegalArgumentException.class, () -> SyscallSelector.select(List.of("openat", "%files"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SyscallSelector.select(List.of("%FILE")))
                .getMessage().startsWith("unknown syscall class '%FILE'"), "case-sensitive, as strace");
        assertEquals("unknown syscall 'bogus' (see `pdig syscalls`)",
                assertThrows(IllegalArgumentException.class, () -> SyscallSelector.select(List.of("bogus"))).getMessage());
        assertEquals("'!close': '!' negates the whole list and goes only at its front",
                assertThrows(IllegalArgumentException.class, () -> SyscallSelector.select(List.of("openat", "!close"))).getMessage());
        assertEquals("'!' with no syscall or class after it",
                assertThrows(IllegalArgumentException.class, () -> SyscallSelector.select(List.of("!"))).getMessage());
        assertEquals("no syscall named",
                assertThrows(IllegalArgumentException.class, () -> SyscallSelector.select(List.of(""))).getMessage());
    }
}
