package io.pdig.tracer;

import java.util.function.IntConsumer;

/**
 * Delivers the signals pdig itself receives to a Java callback. The launcher's JVM runs with
 * -Xrs, so it neither handles nor lets Java handle SIGINT/SIGTERM/SIGHUP/SIGQUIT; a native handler
 * writes each signal number to a pipe and a platform thread owned by this object reads it and
 * calls the callback (never from signal context).
 *
 * <p>One instance per process at a time. {@link #close()} restores the default dispositions and
 * joins the reader thread.
 */
public final class SignalPipe implements AutoCloseable {

    private final Thread reader;
    private volatile boolean closed;

    private SignalPipe(int fd, IntConsumer onSignal) {
        this.reader = new Thread(() -> {
            while (!closed) {
                int sig = NativeLibrary.lib().pdig_sigpipe_wait(fd);
                if (sig <= 0) break;
                onSignal.accept(sig);
            }
        }, "pdig-signals");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Routes the given signals to {@code onSignal}; throws when another pipe is installed. */
    public static SignalPipe install(int[] signals, IntConsumer onSignal) {
        long mask = 0;
        for (int s : signals) mask |= 1L << (s - 1);
        int fd = NativeLibrary.lib().pdig_sigpipe_install(mask);
        if (fd < 0) {
            throw new IllegalStateException("cannot install signal handlers: " + Errno.name(-fd) + " (" + Errno.message(-fd) + ")");
        }
        return new SignalPipe(fd, onSignal);
    }

    @Override
    public void close() {
        closed = true;
        NativeLibrary.lib().pdig_sigpipe_uninstall();
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        NativeLibrary.lib().pdig_sigpipe_close();
    }
}
