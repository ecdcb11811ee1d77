package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A --print file that cannot be written is said on stderr, with its cause; the command is unaffected. */
@Timeout(200)
class PrintFailureTest {

    @Test
    void aFullDeviceIsReportedNotSilentlyLost(@TempDir Path tmp) throws Exception {
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "--no-journal", "--print", "/dev/full", "--", "/bin/sh", "-c", "exit 3");
        assertEquals(3, r.exitCode(), r.transcript());
        assertTrue(r.stderr().contains("pdig: --print /dev/full: No space left on device; the trace written there is incomplete"),
                r.transcript());
        assertEquals(1, r.stderr().lines().filter(l -> l.contains("--print")).count(), "said once: " + r.transcript());
    }

    /** Output commands on a full disk: not exit 0 with the output lost, but 1 and one line. */
    @Test
    void aFullStandardOutputFailsTheCommand(@TempDir Path dir) throws Exception {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        for (String command : new String[] {"syscalls", "fields"}) {
            Process p = new ProcessBuilder(pdig.toString(), command).redirectOutput(new java.io.File("/dev/full"))
                    .redirectError(dir.resolve("err").toFile()).start();
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            String err = java.nio.file.Files.readString(dir.resolve("err"));
            assertEquals(1, p.exitValue(), command + ": " + err);
            assertTrue(err.contains("pdig: cannot write to standard output"), err);
        }
    }
}
