package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.event.ProcessEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** VmSize, VmRSS and VmSwap in KiB, Falco's vm_size, vm_rss and vm_swap; none without an mm. */
    @Test
    void memoryIsVmSizeVmRssAndVmSwap() {
        String status = STATUS + "VmPeak:\t   10000 kB\nVmSize:\t    9876 kB\nVmLck:\t       0 kB\nVmHWM:\t    1500 kB\n"
                + "VmRSS:\t    1234 kB\nRssAnon:\t     200 kB\nVmSwap:\t      56 kB\nHugetlbPages:\t       0 kB\n";
        assertEquals(new ProcessEvent.Memory(9876, 1234, 56), ProcReader.memory(status));
        assertNull(ProcReader.memory(STATUS), "a kernel thread's or a zombie's status has no Vm lines");
        assertNull(ProcReader.memory(null));
    }

    /** The exec snapshot's memory is what the status file of a stopped process (whose memory cannot change) says. */
    @Test
    void execSnapshotOfAStoppedProcessHasItsMemory() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            int pid = (int) p.pid();
            Path status = Path.of("/proc/" + pid + "/status");
            for (int i = 0; i < 200 && !Files.readString(status).contains("Name:\tsleep"); i++) Thread.sleep(10);
            new ProcessBuilder("kill", "-STOP", Integer.toString(pid)).start().waitFor();
            for (int i = 0; i < 200 && !ProcReader.statusField(Files.readString(status), "State")[0].equals("T"); i++) {
                Thread.sleep(10);
            }
            String text = Files.readString(status);
            ProcessEvent.Exec e;
            try (MountNamespaces mounts = new MountNamespaces(NativeLibrary.lib(), new java.util.concurrent.atomic.AtomicLong())) {
                e = ProcReader.execSnapshot(1L, pid, 0, new TraceeMemory(NativeLibrary.lib(), 4096),
                        new OverlayLayers(NativeLibrary.lib()), mounts);
            }
            ProcessEvent.Memory m = e.memory();
            assertNotNull(m);
            assertEquals(Long.parseLong(ProcReader.statusField(text, "VmSize")[0]), m.sizeKb(), text);
            assertEquals(Long.parseLong(ProcReader.statusField(text, "VmRSS")[0]), m.rssKb(), text);
            assertEquals(Long.parseLong(ProcReader.statusField(text, "VmSwap")[0]), m.swapKb(), text);
            assertTrue(m.rssKb() > 0 && m.rssKb() <= m.sizeKb(), m.toString());
        } finally {
            p.destroyForcibly().waitFor();
        }
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

    /** The batched native read of the exec snapshot gives what the files and links themselves say. */
    @Test
    void execSnapshotOfThisProcessMatchesItsProcFiles() throws Exception {
        int self = (int) ProcessHandle.current().pid();
        TraceeMemory mem = new TraceeMemory(NativeLibrary.lib(), 4096);
        ProcessEvent.Exec e = ProcReader.execSnapshot(1L, self, 0, mem, new OverlayLayers(NativeLibrary.lib()),
                new MountNamespaces(NativeLibrary.lib(), new java.util.concurrent.atomic.AtomicLong()));
        Path proc = Path.of("/proc/" + self);
        assertEquals(Files.readSymbolicLink(proc.resolve("exe")).toString(), new String(e.exePath(), StandardCharsets.UTF_8));
        assertEquals(Files.readSymbolicLink(proc.resolve("cwd")).toString(), new String(e.cwd(), StandardCharsets.UTF_8));
        assertEquals(ProcessHandle.current().info().arguments().map(a -> a.length + 1).orElse(-1),
                e.argv().size(), "argv: the executable and its arguments");
        assertTrue(e.env().stream().anyMatch(b -> new String(b, StandardCharsets.UTF_8).startsWith("PATH=")), "environment read");
        assertEquals(new String(Files.readAllBytes(proc.resolve("cgroup")), StandardCharsets.UTF_8),
                new String(e.cgroup(), StandardCharsets.UTF_8));
        assertEquals(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L).intValue(), e.ppid());
        String[] uid = ProcReader.statusField(Files.readString(proc.resolve("status")), "Uid");
        assertEquals(Integer.parseInt(uid[0]), e.uid()[0]);
        assertEquals(Integer.parseInt(ProcReader.statFields(self)[3]), e.sid(), "field 6 of stat: the session");

        ProcessEvent.Exec gone = ProcReader.execSnapshot(1L, Integer.MAX_VALUE, 0, mem, new OverlayLayers(NativeLibrary.lib()),
                new MountNamespaces(NativeLibrary.lib(), new java.util.concurrent.atomic.AtomicLong()));
        assertEquals(0, gone.exePath().length, "a process that does not exist gives empty values");
        assertTrue(gone.argv().isEmpty());
    }

    /** A process started between two clock readings is dated between them (to /proc's 10 ms tick). */
    @Test
    void aProcesssStartTimeIsWhenItReallyStarted() throws Exception {
        long before = System.currentTimeMillis();
        Process p = new ProcessBuilder("sleep", "5").start();
        long after = System.currentTimeMillis();
        try {
            long startMs = ProcessSnapshots.startTimeNanos((int) p.pid(), -1) / 1_000_000;
            assertTrue(startMs >= before - 20 && startMs <= after + 20,
                    "started at " + startMs + ", between " + before + " and " + after + " by the clock");
            assertEquals(-7, ProcessSnapshots.startTimeNanos(Integer.MAX_VALUE, -7), "a process that does not exist");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
    /**
     * Arguments and environment of several pages each come whole and exact: the snapshot reads
     * each file once and takes a short read as its end, which holds only because cmdline and
     * environ hand over every page asked for in one read.
     */
    @Test
    void execSnapshotTakesArgumentsAndEnvironmentOfManyPagesWhole() throws Exception {
        String longArg = "a".repeat(9000);
        // sh waits on its stdin (our pipe) with the long arguments as $1 and $2.
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "read x", "sh", longArg, "b".repeat(5000));
        pb.environment().put("PDIG_BIG", "v".repeat(20000));
        Process p = pb.start();
        try {
            int pid = (int) p.pid();
            Path proc = Path.of("/proc/" + pid);
            // Until the child has exec'ed, /proc shows the JVM's arguments; wait for sh's.
            for (int i = 0; i < 200 && !new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.ISO_8859_1).startsWith("sh"); i++) {
                Thread.sleep(10);
            }
            ProcessEvent.Exec e = ProcReader.execSnapshot(1L, pid, 0, new TraceeMemory(NativeLibrary.lib(), 4096),
                    new OverlayLayers(NativeLibrary.lib()), new MountNamespaces(NativeLibrary.lib(), new java.util.concurrent.atomic.AtomicLong()));
            assertEquals(6, e.argv().size());
            assertEquals(longArg, new String(e.argv().get(4), StandardCharsets.US_ASCII));
            assertFalse(e.argvTruncated());
            byte[] environ = Files.readAllBytes(proc.resolve("environ"));
            int total = e.env().stream().mapToInt(b -> b.length + 1).sum();
            assertEquals(environ.length, total, "every byte of environ, NULs included");
            assertTrue(e.env().stream().anyMatch(b -> new String(b, StandardCharsets.US_ASCII).equals("PDIG_BIG=" + "v".repeat(20000))));
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
