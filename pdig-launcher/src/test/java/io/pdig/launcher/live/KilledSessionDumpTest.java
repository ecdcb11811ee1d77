package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `dump` says when a journal's last session has no end (its pdig was SIGKILLed), and only then. */
@Timeout(300)
class KilledSessionDumpTest {

    @Test
    void aSessionCutOffByKillIsSaidAfterItsRecords(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        Pdig.Result ok = Pdig.run(tmp, "run", "--no-rules", "--journal", whole.toString(), "--", "/bin/true");
        assertEquals(0, ok.exitCode(), ok.transcript());
        Pdig.Result dumpWhole = Pdig.run(tmp, "dump", whole.toString());
        assertEquals(0, dumpWhole.exitCode(), dumpWhole.transcript());
        assertFalse(dumpWhole.stderr().contains("has no end record"), dumpWhole.transcript());

        Path cut = tmp.resolve("cut");
        Process p = Pdig.start(tmp, tmp.resolve("err"), "run", "--no-rules", "--journal", cut.toString(), "--",
                "sh", "-c", "/bin/true; exec sleep 60");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Pdig.run(tmp, "dump", cut.toString()).stdout().contains("exe=\"/usr/bin/sleep\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        p.destroyForcibly(); // SIGKILL: no end record; fail-closed takes the sleep with it
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Pdig.Result dumpCut = Pdig.run(tmp, "dump", cut.toString());
        assertEquals(0, dumpCut.exitCode(), "every record is whole: " + dumpCut.transcript());
        assertTrue(dumpCut.stderr().contains("has no end record (its pdig was killed, or is still running)"), dumpCut.transcript());
        assertTrue(Files.isDirectory(cut));
    }
}
