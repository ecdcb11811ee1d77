package io.pdig.launcher.cli;

import io.pdig.tracer.SignalPipe;
import java.util.function.IntConsumer;

/**
 * Routes the signals pdig itself receives (SIGHUP, SIGINT, SIGQUIT, SIGTERM) to a handler,
 * normally {@code TraceSession::forwardSignal}. The JVM runs with -Xrs (so that SIGQUIT prints no
 * thread dump on the app's stdout), which leaves these signals to us: {@link SignalPipe} turns
 * them into callbacks on its own thread. The handler must only hand off work.
 */
final class SignalForwarder implements AutoCloseable {

    static final int[] FORWARDED = {1, 2, 3, 15};

    private final SignalPipe pipe;

    SignalForwarder(IntConsumer onSignal) {
        this.pipe = SignalPipe.install(FORWARDED, onSignal);
    }

    @Override
    public void close() {
        pipe.close();
    }
}
