package io.pdig.launcher.cli;

import io.pdig.tracer.ProcessSnapshots;
import java.io.PrintWriter;

/**
 * With --debug, prints how long pdig took to reach each start-up step, counted from the start of
 * its process (the ./pdig script, which execs the JVM in place), so a slow start can be pinned on
 * a step (the tracee must start quickly).
 *
 * <p>The clock is the process's age from /proc ({@link ProcessSnapshots#ageNanos}), to 10 ms. Not
 * {@code ProcessHandle.info().startInstant()}: that converts the start to wall-clock time through
 * the boot time, which /proc gives to the second, and so was off by up to a second (it printed
 * "tracee running" at 923 ms for a run that took 645 ms in all).
 */
final class StartupTimer {
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
        long age = ProcessSnapshots.ageNanos((int) ProcessHandle.current().pid());
        return age < 0 ? -1 : age / 1_000_000;
    }
}
