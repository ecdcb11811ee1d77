package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * --fail-open --no-wait-orphans leaves what the command started running, detached but still under
 * pdig's seccomp filter (traced calls fail with ENOSYS): pdig says so instead of leaving a daemon
 * that mysteriously cannot open files.
 */
@Timeout(200)
class FailOpenOrphansTest {

    @Test
    void detachedOrphansAreAnnounced(@TempDir Path dir) throws Exception {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        Path pidFile = dir.resolve("daemon.pid");
        Process p = new ProcessBuilder(pdig.toString(), "run", "--no-rules", "--no-journal", "--no-wait-orphans", "--fail-open",
                "--", "sh", "-c", "setsid sh -c 'echo $$ > " + pidFile + "; exec sleep 20' & sleep 1; exit 3")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String log = Files.readString(dir.resolve("log"));
            assertEquals(3, p.exitValue(), log);
            assertTrue(log.contains("left running untraced (--fail-open): their traced syscalls now fail with ENOSYS"), log);
        } finally {
            if (Files.exists(pidFile)) {
                String pid = Files.readString(pidFile).trim();
                new ProcessBuilder("kill", "-9", pid).start().waitFor();
            }
        }
    }
}
