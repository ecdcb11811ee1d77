package io.pdig.model.consts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Enumeration tables: errno, signals, si_code, families, protocols, requests, commands. */
class ValueTablesTest {

    @Test
    void errnoNamesAndStraceMessages() {
        assertEquals("ENOENT (No such file or directory)", Errno.strace(2));
        assertEquals("EACCES (Permission denied)", Errno.strace(13));
        assertEquals("ERESTARTSYS (To be restarted if SA_RESTART is set)", Errno.strace(512));
        assertEquals("ERESTARTNOINTR (To be restarted)", Errno.strace(513));
        assertEquals("ERESTARTNOHAND (To be restarted if no handler)", Errno.strace(514));
        assertEquals("ENOIOCTLCMD (No ioctl command)", Errno.strace(515));
        assertEquals("ERESTART_RESTARTBLOCK (Interrupted by signal)", Errno.strace(516));
        assertTrue(Errno.isRestart(512) && Errno.isRestart(516));
        assertFalse(Errno.isRestart(4) || Errno.isRestart(517));
        assertEquals(11, Errno.value("EWOULDBLOCK"));
        assertEquals("EAGAIN", Errno.name(11));
        assertEquals(-1, Errno.value("ENOPE"));
        assertEquals("errno 999 (Unknown error 999)", Errno.strace(999));
        assertNull(Errno.name(0));
        assertEquals("SUCCESS", Errno.falcoResult(3));
        assertEquals("SUCCESS", Errno.falcoResult(0x7f0000000000L));
        assertEquals("SUCCESS", Errno.falcoResult(-5000));
        assertEquals("ENOENT", Errno.falcoResult(-2));
        assertEquals("EINPROGRESS", Errno.falcoResult(-115));
        assertEquals("4000", Errno.falcoResult(-4000));
    }

    @Test
    void everyErrnoUpTo133HasANameAndMessage() {
        for (int e = 1; e <= 133; e++) {
            if (e == 41 || e == 58) continue; // unused numbers in Linux
            assertTrue(Errno.name(e) != null && Errno.message(e) != null, "errno " + e);
        }
    }

    @Test
    void signalsIncludingRealTime() {
        assertEquals("SIGKILL", Signals.name(9));
        assertEquals("SIGABRT", Signals.name(6));
        assertEquals("SIGSYS", Signals.name(31));
        assertEquals("SIGRTMIN", Signals.name(32));
        assertEquals("SIGRT_2", Signals.name(34), "strace's name");
        assertEquals("SIGRT_1", Signals.name(33));
        assertEquals("SIGRT_32", Signals.name(64));
        assertNull(Signals.name(65));
        assertNull(Signals.name(0));
        assertEquals("0", Signals.TABLE.render(0));
        assertEquals("65", Signals.TABLE.render(65));
        assertEquals(34, Signals.number("SIGRTMIN+2"));
        assertEquals(34, Signals.number("SIGRT_2"));
        assertEquals(64, Signals.number("SIGRTMAX"));
        assertEquals(6, Signals.number("SIGIOT"));
        assertEquals(-1, Signals.number("SIGRTMIN+33"));
        assertEquals(-1, Signals.number("SIGFOO"));
        for (int s = 1; s <= 64; s++) {
            assertEquals(s, Signals.TABLE.parse(Signals.TABLE.render(s)));
        }
        assertThrows(IllegalArgumentException.class, () -> Signals.TABLE.parse("SIGNOPE"));
    }

    @Test
    void siCodesAreGenericOrPerSignal() {
        assertEquals("SI_USER", SiCodes.render(2, 0));
        assertEquals("SI_KERNEL", SiCodes.render(9, 0x80));
        assertEquals("SI_TKILL", SiCodes.render(15, -6));
        assertEquals("SI_QUEUE", SiCodes.render(10, -1));
        assertEquals("SEGV_MAPERR", SiCodes.render(11, 1));
        assertEquals("SEGV_ACCERR", SiCodes.render(11, 2));
        assertEquals("CLD_EXITED", SiCodes.render(17, 1));
        assertEquals("CLD_KILLED", SiCodes.render(17, 2));
        assertEquals("SYS_SECCOMP", SiCodes.render(31, 1));
        assertEquals("TRAP_BRKPT", SiCodes.render(5, 1));
        assertEquals("5", SiCodes.render(10, 5));
        assertTrue(SiCodes.hasSender(2, 0));
        assertTrue(SiCodes.hasSender(15, -6));
        assertTrue(SiCodes.hasSender(17, 1));
        assertFalse(SiCodes.hasSender(11, 1));
        assertFalse(SiCodes.hasSender(9, 0x80));
    }

    @Test
    void familiesProtocolsAndCommands() {
        assertEquals("AF_INET6", NetConsts.FAMILIES.render(10));
        assertEquals("AF_UNIX", NetConsts.FAMILIES.render(1));
        assertEquals(1, NetConsts.FAMILIES.parse("AF_LOCAL"));
        assertEquals("AF_NETLINK", NetConsts.FAMILIES.render(16));
        assertEquals("AF_PACKET", NetConsts.FAMILIES.render(17));
        assertEquals("99", NetConsts.FAMILIES.render(99));
        assertEquals("IPPROTO_TCP", NetConsts.PROTOCOLS.render(6));
        assertEquals("IPPROTO_UDP", NetConsts.PROTOCOLS.render(17));
        assertEquals("0", NetConsts.PROTOCOLS.render(0));
        assertEquals("PTRACE_ATTACH", ProcessConsts.PTRACE_REQUESTS.render(16));
        assertEquals("PTRACE_TRACEME", ProcessConsts.PTRACE_REQUESTS.render(0));
        assertEquals("PTRACE_SEIZE", ProcessConsts.PTRACE_REQUESTS.render(0x4206));
        assertEquals("PTRACE_POKETEXT", ProcessConsts.PTRACE_REQUESTS.render(4));
        assertEquals("PR_SET_NO_NEW_PRIVS", ProcessConsts.PRCTL_OPTIONS.render(38));
        assertEquals("PR_SET_NAME", ProcessConsts.PRCTL_OPTIONS.render(15));
        assertEquals("SECCOMP_SET_MODE_FILTER", ProcessConsts.SECCOMP_OPS.render(1));
        assertEquals("BPF_PROG_LOAD", ProcessConsts.BPF_CMDS.render(5));
        assertEquals("BPF_TOKEN_CREATE", ProcessConsts.BPF_CMDS.render(36));
        assertEquals("F_DUPFD_CLOEXEC", FileConsts.FCNTL_CMDS.render(1030));
        assertEquals("F_SETFD", FileConsts.FCNTL_CMDS.render(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcessConsts.PTRACE_REQUESTS.parse("PTRACE_FLY"));
        assertEquals("unknown ptrace request name 'PTRACE_FLY'", e.getMessage());
        assertEquals(0x4206, ProcessConsts.PTRACE_REQUESTS.parse("0x4206"));
    }

    @Test
    void tableTextRejectsMalformedRowsWithTheLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ValueNames.parse("demo", "A 1\nB\n"));
        assertEquals("demo table line 2: expected NAME VALUE, got 'B'", e.getMessage());
        assertThrows(IllegalStateException.class, () -> ValueNames.parse("demo", "A 1\nA 2\n"));
        assertThrows(IllegalStateException.class, () -> ValueNames.parse("demo", "A zz\n"));
        assertEquals(-100L, TableText.parseNumber("-100"));
        assertEquals(0x4206L, TableText.parseNumber("0x4206"));
        assertEquals(0644L, TableText.parseNumber("0644"));
        assertNull(TableText.parseNumber("O_RDONLY"));
    }

    @Test
    void tableTextSplitsOnAnyRunOfWhitespaceAndKeepsTheDescriptionWhole() {
        var rows = TableText.rows("demo", """
                # a comment
                  A\t1
                B   0x10   the  second   row
                C 010\tthird\t row
                """);
        assertEquals(3, rows.size());
        assertEquals(new TableText.Row("A", 1, null), rows.get(0));
        assertEquals(new TableText.Row("B", 16, "the  second   row"), rows.get(1));
        assertEquals(new TableText.Row("C", 8, "third\t row"), rows.get(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TableText.rows("demo", "A 1\nB \t \n"));
        assertEquals("demo table line 2: expected NAME VALUE, got 'B'", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> TableText.rows("demo", "A 1 x\nB 2x y\n"));
        assertEquals("demo table line 2: bad value '2x'", e.getMessage());
    }
}
