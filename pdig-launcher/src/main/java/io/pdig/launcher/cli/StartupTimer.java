package io.pdig.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With --debug, prints how long pdig took to reach each start-up step, counted from the start of
 * its process (the ./pdig script, which execs the JVM in place), so a slow start can be pinned on
 * a step (the tracee must start quickly).
 *
 * <p>The clock: the process's start time and the system's uptime, both counted from boot in
 * /proc, to 10 ms. Not {@code ProcessHandle.info().startInstant()}: that converts the start to
 * wall-clock time through the boot time, which /proc gives to the second, and so was off by up to
 * a second (it printed "tracee running" at 923 ms for a run that took 645 ms in all).
 */
final class StartupTimer {
    /** USER_HZ: the unit of /proc's clock-tick fields, fixed at 100 by the Linux ABI. */
    private static final long TICKS_PER_SECOND = 100;

    private final PrintWriter err;
    private final boolean enabled;

    StartupTimer(PrintWriter err) {
        this.err = err;
        this.enabled = ExitCodes.debug();
    }

    void mark(String step) {
        if (!enabled) return;
        long ms = sinceProcessStartMillis();
        err.println("pdig: startup: " + (ms < 0 ? "?" : Long.toString(ms)) + " ms: " + step);
        err.flush();
    }

    /** Milliseconds since this process started, to 10 ms; -1 when /proc cannot tell. */
    static long sinceProcessStartMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.ISO_8859_1);
            // Fields after the command name (which may hold spaces and parentheses): the first is
            // field 3 (state); starttime is field 22.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.ISO_8859_1);
            long uptimeMs = Math.round(Double.parseDouble(uptime.substring(0, uptime.indexOf(' '))) * 1000);
            return uptimeMs - startTicks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
