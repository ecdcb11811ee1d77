package io.pdig.analyzer.state;

/** Counters of state-table anomalies (evictions because of size caps, events for unknown pids). */
public final class StateCounters {
    long processEvictions;
    long fdEvictions;
    long unknownProcesses;

    public long processEvictions() {
        return processEvictions;
    }

    public long fdEvictions() {
        return fdEvictions;
    }

    /** Events seen for a pid with no Spawn/Exec/snapshot, for which a placeholder was created. */
    public long unknownProcesses() {
        return unknownProcesses;
    }
}
