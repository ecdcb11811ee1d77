package io.pdig.analyzer.output;

/**
 * Where alerts go. Called from the analyzer thread, one alert at a time, in event order;
 * implementations need not be thread-safe for {@link #accept}.
 */
public interface AlertSink extends AutoCloseable {
    void accept(Alert alert);

    /**
     * Does what {@link #accept} does for {@code sample} except delivering it (render, serialize),
     * so that class loading and one-time initialisation of the alert path happen before the first
     * real alert: live detection must not spend an alert's latency on them (measured: ~300 ms).
     */
    default void prepare(Alert sample) {
    }

    /**
     * What this output failed to deliver so far, as one line without the output's name ("3 alerts
     * could not be written"), or null when nothing was lost. May be called from any thread.
     */
    default String lossReport() {
        return null;
    }

    /** Flushes and releases what the sink owns (not a stream it was given). */
    @Override
    default void close() {
    }
}
