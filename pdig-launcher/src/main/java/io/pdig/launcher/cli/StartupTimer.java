package io.pdig.launcher.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * With --debug, prints how long pdig took to reach each start-up step, counted from the JVM's
 * start, so a slow start can be pinned on a step (the tracee must start quickly).
 */
final class StartupTimer {
    private final PrintWriter err;
    private final Instant jvmStart;

    StartupTimer(PrintWriter err) {
        this.err = err;
        this.jvmStart = ExitCodes.debug() ? ProcessHandle.current().info().startInstant().orElse(Instant.now()) : null;
    }

    void mark(String step) {
        if (jvmStart == null) return;
        err.println("pdig: startup: " + Duration.between(jvmStart, Instant.now()).toMillis() + " ms: " + step);
        err.flush();
    }
}
