package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGUSR1, SIGUSR2 and SIGALRM sent to pdig are the command's (a reload, dd's progress report):
 * forwarded, not the end of pdig and, fail-closed, of the command. SIGUSR2 is HotSpot's suspend
 * signal by default, and one from outside crashed the JVM (hs_err file in the cwd, report on the
 * command's stdout); the script moves the JVM's to another signal.
 */
@Timeout(200)
class SignalsToPdigTest {

    @Test
    void userSignalsAndAlarmReachTheCommand(@TempDir Path dir) throws Exception {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        Path ready = dir.resolve("ready");
        String script = "trap 'echo got-usr1' USR1; trap 'echo got-usr2' USR2; trap 'echo got-alrm' ALRM; "
                + "touch " + ready + "; for i in $(seq 1 100); do [ -e " + dir.resolve("stop") + " ] && break; sleep 0.1; done; "
                + "echo \"sr=${_JAVA_SR_SIGNUM-unset}\"; exit 4";
        Process p = new ProcessBuilder(pdig.toString(), "run", "--no-rules", "--no-journal", "--", "bash", "-c", script)
                .directory(dir.toFile()).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(ready) && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(Files.exists(ready), Files.readString(dir.resolve("err")));
            for (String sig : new String[] {"USR1", "USR2", "ALRM"}) {
                // The JVM is pdig: the script execs it.
                assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor());
                Thread.sleep(300); // bash runs one trap per signal it saw; give each its turn
            }
            Files.createFile(dir.resolve("stop"));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String out = Files.readString(dir.resolve("out"));
            assertEquals(4, p.exitValue(), out + Files.readString(dir.resolve("err")));
            assertEquals("got-usr1\ngot-usr2\ngot-alrm\nsr=unset\n", out);
            try (Stream<Path> files = Files.list(dir)) {
                assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("hs_err")), "no JVM crash report");
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
