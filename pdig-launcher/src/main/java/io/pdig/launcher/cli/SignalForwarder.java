package io.pdig.launcher.cli;

import io.pdig.model.driver.TraceSession;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Routes the signals pdig itself receives (SIGINT, SIGTERM, SIGHUP, SIGQUIT) to a handler,
 * normally {@link TraceSession#forwardSignal}. The JVM runs with -Xrs, so these signals would
 * otherwise kill pdig without a word and leave the tracee to EXITKILL.
 *
 * <p>Handlers run on the JVM's signal dispatcher thread; the handler must only hand off work.
 */
final class SignalForwarder implements AutoCloseable {

    static final String[] FORWARDED = {"INT", "TERM", "HUP", "QUIT"};

    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    SignalForwarder(IntConsumer onSignal) {
        for (String name : FORWARDED) {
            try {
                Signal s = new Signal(name);
                SignalHandler old = Signal.handle(s, sig -> onSignal.accept(sig.getNumber()));
                installed.add(s);
                previous.add(old);
            } catch (IllegalArgumentException e) {
                // The JVM reserves this signal in this configuration; it keeps its default action.
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            try {
                Signal.handle(installed.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // nothing to restore
            }
        }
    }
}
