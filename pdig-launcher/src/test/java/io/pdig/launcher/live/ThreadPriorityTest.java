package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ./pdig as root: its journal writer runs at nice 19 while nobody depends on it, at nice 0
 * once live detection follows the journal, and the traced program keeps the normal priority.
 */
class ThreadPriorityTest {

    @TempDir
    Path tmp;

    /** Field 19 (nice) of a /proc stat line; the command name in parentheses may hold spaces. */
    private static int nice(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(after[16]);
    }

    /** The nice value of the thread of {@code pid} named {@code name}, or null if there is none. */
    private static Integer threadNice(long pid, String name) throws IOException {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks) {
                try {
                    if (Files.readString(t.resolve("comm")).trim().equals(name)) {
                        return nice(Files.readString(t.resolve("stat")));
                    }
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return null;
    }

    /**
     * Starts `pdig run OPTIONS -- sh` that records its own stat line and sleeps; waits until pdig's
     * journal thread has {@code wantedNice}; returns the tracee's nice value.
     */
    private int traceeNiceWhileJournalThreadIs(int wantedNice, String... options) throws Exception {
        Path stat = tmp.resolve("stat-" + wantedNice);
        String[] args = new String[options.length + 5];
        args[0] = "run";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--";
        args[options.length + 2] = "/bin/sh";
        args[options.length + 3] = "-c";
        args[options.length + 4] = "cat /proc/self/stat > " + stat + ".tmp && mv " + stat + ".tmp " + stat + "; sleep 2";
        Process p = Pdig.start(tmp, tmp.resolve("stderr-" + wantedNice), args);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Integer journalNice = null;
            while (System.nanoTime() < deadline && (!Files.exists(stat) || journalNice == null || journalNice != wantedNice)) {
                // The script execs the JVM: the process pdig runs in is the one started here.
                journalNice = threadNice(p.pid(), "pdig-journal");
                Thread.sleep(20);
            }
            assertTrue(Files.exists(stat), "the tracee ran: " + Files.readString(tmp.resolve("stderr-" + wantedNice)));
            assertEquals(wantedNice, journalNice, "nice of pdig's journal thread");
            return nice(Files.readString(stat));
        } finally {
            assertTrue(p.waitFor(Pdig.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("stderr-" + wantedNice)));
        }
    }

    @Test
    void journalWriterIsBackgroundWorkUnlessDetectionFollowsIt() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the priority mapping needs root");
        assertEquals(0, traceeNiceWhileJournalThreadIs(19, "--no-rules"), "no live reader: background");
        assertEquals(0, traceeNiceWhileJournalThreadIs(0), "rules live: the writer must keep up");
    }
}
