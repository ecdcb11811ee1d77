package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal on a full file system (a small tmpfs, as root): the command runs to its end, pdig
 * exits with the command's status, says what happened once per cause, and never hangs; `dump`
 * of such a journal fails with one line, not a stack trace.
 */
@Timeout(300)
class FullDiskTest {

    @TempDir
    Path tmp;
    private Path small;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        small = Files.createDirectory(tmp.resolve("small"));
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        assumeTrue(m.waitFor(30, TimeUnit.SECONDS) && m.exitValue() == 0, "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", small.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }

    private static long lines(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @Test
    void fullBeforeTheStartCostsNeitherTheStatusNorAHang() throws Exception {
        Files.write(small.resolve("fill"), new byte[4 * 1024 * 1024 - 64 * 1024]);
        Process filler = new ProcessBuilder("sh", "-c", "cat /dev/zero > " + small.resolve("fill2") + " 2>/dev/null").start();
        filler.waitFor(30, TimeUnit.SECONDS);
        Pdig.Result r = Pdig.run(tmp, "run", "--journal", small.resolve("j").toString(), "--", "sh", "-c", "echo ran >&2; exit 6");
        assertEquals(6, r.exitCode(), r.transcript());
        assertTrue(r.stderr().contains("ran"), r.transcript());
        assertEquals(1, lines(r.stderr(), "No space left on device"), "said once: " + r.transcript());
    }

    @Test
    void fullDuringTheRunKeepsTheCommandsStatusAndDumpSaysSoInOneLine() throws Exception {
        Path j = small.resolve("j");
        Pdig.Result r = Pdig.run(tmp, "run", "--journal", j.toString(), "--", "sh", "-c",
                "for i in 1 2 3 4; do find /usr >/dev/null 2>&1; done; echo done >&2; exit 6");
        assertEquals(6, r.exitCode(), r.transcript());
        assertTrue(r.stderr().contains("done"), "the command ran to its end: " + r.transcript());
        assertTrue(r.stderr().contains("could not be written or read (no space left on its file system?)"), r.transcript());
        assertFalse(r.stderr().contains("DiskSpaceMonitor"), "Chronicle's own monitor is off: " + r.transcript());
        Pdig.Result d = Pdig.run(tmp, "dump", j.toString());
        assertTrue(d.exitCode() != 0, "a damaged journal is reported, not passed off as whole: " + d.transcript());
        assertFalse(d.stderr().contains("\tat "), "no stack trace: " + d.transcript());
    }
}
