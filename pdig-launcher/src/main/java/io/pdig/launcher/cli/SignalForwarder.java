package io.pdig.launcher.cli;

import io.pdig.tracer.SignalPipe;
import java.util.function.IntConsumer;

/**
 * Routes the signals pdig itself receives (SIGHUP, SIGINT, SIGQUIT, SIGTERM, and SIGUSR1,
 * SIGUSR2, SIGALRM, whose default would kill pdig and, fail-closed, the command with it) to a
 * handler, normally {@code TraceSession::forwardSignal}. The JVM runs with -Xrs (so that SIGQUIT
 * prints no thread dump on the app's stdout) and with its suspend signal moved off SIGUSR2 (the
 * ./pdig script), which leaves these signals to us: {@link SignalPipe} turns them into callbacks
 * on its own thread. The handler must only hand off work.
 */
final class SignalForwarder implements AutoCloseable {

    /** SIGUSR2 only where the JVM's suspend signal was moved (as the ./pdig script does). */
    static final int[] FORWARDED = jvmSuspendSignalMoved() ? new int[] {1, 2, 3, 15, 10, 12, 14} : new int[] {1, 2, 3, 15, 10, 14};

    private static boolean jvmSuspendSignalMoved() {
        String sr = System.getenv("_JAVA_SR_SIGNUM");
        return sr != null && !sr.isBlank() && !sr.trim().equals("12");
    }

    private final SignalPipe pipe;
    private final java.util.concurrent.atomic.AtomicReference<IntConsumer> target = new java.util.concurrent.atomic.AtomicReference<>();
    /** Signals that arrived before there was a target (pdig was still starting the tracee). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Integer> early = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Installed before the tracee starts, so that no signal finds pdig unprepared; see {@link #forwardTo}. */
    SignalForwarder() {
        this.pipe = SignalPipe.install(FORWARDED, sig -> {
            IntConsumer t = target.get();
            if (t != null) {
                t.accept(sig);
            } else {
                early.add(sig);
            }
        });
    }

    SignalForwarder(IntConsumer onSignal) {
        this();
        forwardTo(onSignal);
    }

    /** From now on signals go to {@code onSignal}; those that came earlier are delivered first. */
    void forwardTo(IntConsumer onSignal) {
        target.set(onSignal);
        for (Integer sig; (sig = early.poll()) != null; ) {
            onSignal.accept(sig);
        }
    }

    @Override
    public void close() {
        pipe.close();
    }
}
