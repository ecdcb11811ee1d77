package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The repo standard: the C library is checked under sanitizers. Builds the library sources with
 * -fsanitize=address,undefined together with a small C driver (src/test/native) and runs a real
 * spawn/wait/read-memory session on /bin/true.
 */
class AsanCheckTest {

    @Test
    void cLibraryRunsCleanUnderAddressAndUndefinedSanitizers() throws Exception {
        Path module = Path.of(System.getProperty("user.dir"));
        Path script = module.resolve("src/test/native/run-asan.sh");
        Assumptions.assumeTrue(Files.isExecutable(script), "run-asan.sh missing");
        Path out = module.resolve("target/asan");
        Process p = new ProcessBuilder("/bin/sh", script.toString(), out.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sanitizer run timed out");
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeFalse(p.exitValue() == 77, "no sanitizer runtime: " + log);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("asan-driver ok"), log);
        assertTrue(!log.contains("ERROR: AddressSanitizer") && !log.contains("runtime error:"), log);
    }
}
