package io.pdig.analyzer.state;

/** Counters of state-table anomalies (evictions because of size caps, events for unknown pids). */
public final class StateCounters {
    long processEvictions;
    long fdEvictions;
    long unknownProcesses;
    long seqRegressions;

    /** Called by the analyzer for an event whose sequence number did not increase. */
    public void seqRegression() {
        seqRegressions++;
    }

    /** Events whose sequence number was not above the previous one's. */
    public long seqRegressions() {
        return seqRegressions;
    }

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
