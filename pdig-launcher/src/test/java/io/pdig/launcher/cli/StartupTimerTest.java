package io.pdig.launcher.cli;

import static io.pdig.launcher.testsupport.PdigRun.pdigScript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `pdig run --debug` prints its start-up steps in ms since its process started. The figures must
 * fit inside the run as measured from outside: a real ./pdig process, timed from just before it
 * is started until it has ended.
 */
class StartupTimerTest {
    private static final Pattern STEP = Pattern.compile("^pdig: startup: (\\d+) ms: (.+)$");

    @Test
    void debugStartupStepsFitInsideTheRunMeasuredFromOutside(@TempDir Path work) throws IOException, InterruptedException {
        Path err = work.resolve("stderr.txt");
        long before = System.nanoTime();
        Process p = new ProcessBuilder(pdigScript().toString(), "run", "--debug", "--", "/bin/true")
                .directory(work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdig did not end");
        long elapsedMs = (System.nanoTime() - before) / 1_000_000;
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);

        List<Long> times = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            Matcher m = STEP.matcher(line);
            if (m.matches()) {
                times.add(Long.parseLong(m.group(1)));
                steps.add(m.group(2));
            }
        }
        assertEquals(List.of("options parsed", "rules loaded, filter set chosen", "pipeline open", "tracee running"), steps, stderr);
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) >= times.get(i - 1), "steps out of order: " + times);
        }
        // /proc counts in 10 ms ticks: a step can read at most that much late.
        assertTrue(times.get(0) > 0, "options parsed at " + times.get(0) + " ms");
        assertTrue(times.get(times.size() - 1) <= elapsedMs + 20,
                "tracee running at " + times.get(times.size() - 1) + " ms, but the whole run took " + elapsedMs + " ms:\n" + stderr);
    }

    @Test
    void theClockCountsFromThisProcesssStart() {
        long sinceStart = StartupTimer.sinceProcessStartMillis();
        long jvmUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        // The process started a little before the JVM's clock did (the java launcher runs first).
        assertTrue(sinceStart >= jvmUptime - 20 && sinceStart <= jvmUptime + 2_000,
                "since process start " + sinceStart + " ms, JVM uptime " + jvmUptime + " ms");
    }
}
