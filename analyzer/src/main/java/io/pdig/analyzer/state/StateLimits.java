package io.pdig.analyzer.state;

/**
 * Size caps of the state tables. Beyond a cap the least recently used entry is evicted and
 * counted in {@link StateCounters}; rules then see "no value" for what was evicted.
 *
 * @param maxProcesses processes kept in the process table
 * @param maxFdsPerTable fds kept per fd table
 */
public record StateLimits(int maxProcesses, int maxFdsPerTable) {
    public static final StateLimits DEFAULT = new StateLimits(32_768, 8_192);

    public StateLimits {
        if (maxProcesses < 1 || maxFdsPerTable < 1) {
            throw new IllegalArgumentException("state limits must be positive: " + maxProcesses + ", " + maxFdsPerTable);
        }
    }
}
