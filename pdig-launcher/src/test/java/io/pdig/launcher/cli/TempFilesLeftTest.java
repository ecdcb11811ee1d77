package io.pdig.launcher.cli;

import static io.pdig.launcher.testsupport.PdigRun.pdigScript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A `pdig run` that ends at once leaves nothing in the temporary directory. Usage errors are the
 * sharp case: the native library starts loading (a temporary copy of it) before the options are
 * parsed, and the JVM used to exit while that copy existed. Each run is a real ./pdig process with
 * java.io.tmpdir pointed at a directory of this test's own.
 */
class TempFilesLeftTest {

    @Test
    void usageErrorsAndShortRunsLeaveNoTemporaryFiles(@TempDir Path work) throws IOException, InterruptedException {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        List<List<String>> commands = List.of(
                List.of("run", "--no-such-option", "--", "/bin/true"),
                List.of("run", "--no-journal", "--", "/bin/true"),
                List.of("run", "--", "/bin/true"));
        for (int round = 0; round < 4; round++) {
            for (List<String> args : commands) {
                int code = pdig(work, tmp, args);
                assertEquals(args.get(1).equals("--") ? 0 : 2, code, "exit status of pdig " + args);
                assertEquals(List.of(), entries(tmp), "left in java.io.tmpdir by pdig " + args + " (round " + round + ")");
            }
        }
    }

    private static int pdig(Path work, Path tmp, List<String> args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(pdigScript().toString());
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(work.resolve("stderr.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PDIG_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdig " + args + " did not end:\n"
                + Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
        return p.exitValue();
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
