package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts an output cannot deliver are said on stderr, not lost silently: --alerts on a full
 * device (/dev/full), and a --webhook whose port nobody listens on. The command's status stands.
 * The default rules alert on reading /etc/shadow.
 */
@Timeout(240)
class AlertLossTest {

    @Test
    void alertsThatCannotBeWrittenOrDeliveredAreSaid(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // closed again before pdig posts to it
        }
        String webhook = "http://127.0.0.1:" + closedPort + "/alerts";
        String err = run(dir, List.of("--alerts", "/dev/full", "--webhook", webhook));
        assertTrue(err.contains("pdig: --alerts /dev/full: 2 alerts could not be written"), err);
        assertTrue(err.contains("pdig: --webhook " + webhook + ": 2 alerts not delivered"), err);
    }

    private static String run(Path dir, List<String> options) throws Exception {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        List<String> argv = new java.util.ArrayList<>(List.of(pdig.toString(), "run"));
        argv.addAll(options);
        argv.addAll(List.of("--", "sh", "-c", "cat /etc/shadow > /dev/null; cat /etc/shadow > /dev/null; exit 3"));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "pdig did not end");
        String err = Files.readString(dir.resolve("err"));
        assertEquals(3, p.exitValue(), err);
        return err;
    }
}
