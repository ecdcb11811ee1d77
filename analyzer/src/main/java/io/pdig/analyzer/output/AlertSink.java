package io.pdig.analyzer.output;

/**
 * Where alerts go. Called from the analyzer thread, one alert at a time, in event order;
 * implementations need not be thread-safe for {@link #accept}.
 */
public interface AlertSink extends AutoCloseable {
    void accept(Alert alert);

    /** Flushes and releases what the sink owns (not a stream it was given). */
    @Override
    default void close() {
    }
}
