package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Parsing of /proc text, on fixed samples and on this JVM's own /proc entries. */
class ProcReaderTest {

    static final String STATUS = "Name:\tbash\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t4242\nPPid:\t1\n"
            + "Uid:\t0\t1000\t0\t0\nGid:\t5\t5\t5\t5\nCapEff:\t000001ffffffffff\nNoNewPrivs:\t0\n";

    @Test
    void statusFieldsAreFoundWholeAndSplitOnWhitespace() {
        assertArrayEquals(new String[] {"0", "1000", "0", "0"}, ProcReader.statusField(STATUS, "Uid"));
        assertArrayEquals(new String[] {"S", "(sleeping)"}, ProcReader.statusField(STATUS, "State"));
        assertArrayEquals(new String[] {"bash"}, ProcReader.statusField(STATUS, "Name"), "first line");
        assertArrayEquals(new String[] {"1"}, ProcReader.statusField(STATUS, "PPid"));
        assertNull(ProcReader.statusField(STATUS, "Pid"), "a key is matched whole, not as a prefix of Tgid/PPid");
        assertNull(ProcReader.statusField(STATUS, "CapInh"));
        assertNull(ProcReader.statusField(null, "Uid"));
        assertArrayEquals(new String[0], ProcReader.statusField("Empty:\t\n", "Empty"));
    }

    @Test
    void ownProcessIsReadLikeTheKernelWritesIt() {
        int self = (int) ProcessHandle.current().pid();
        assertEquals(self, ProcReader.statusLong(self, "Tgid", -1));
        String[] st = ProcReader.statFields(self);
        assertNotNull(st);
        assertEquals(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L), Long.parseLong(st[1]),
                "field 4 of /proc/PID/stat is the parent pid");
        assertNull(ProcReader.statFields(Integer.MAX_VALUE), "a process that does not exist");
    }
}
