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
}
