package io.pdig.analyzer.state;

/**
 * One capture, as Falco's evt.reltime and evt.deltatime see it: a journal session, from its start
 * record to the next one. Falco counts from the first event its inspector read; pdig counts from
 * the session start record instead, which the launcher writes before it launches the command or
 * seizes the target, so it precedes every event of the session. The journal's first event is not
 * its earliest: a syscall is stamped at its entry stop but journaled at its exit (an execve comes
 * after its own exec event, a blocking read after the calls other threads made meanwhile), so
 * counting from it would give negative times.
 *
 * <p>A reader that starts inside a session (a sidecar resuming, a journal whose oldest files
 * retention deleted) has no capture until the next start record: the fields then have no value
 * rather than values counted from an arbitrary record. Each start record makes a new instance,
 * and its identity (not its time: two sessions may start in the same millisecond) tells one
 * session from the next, where evt.deltatime starts again. Immutable.
 */
public final class Capture {
    private final long startTs;

    /** @param startTs the session start record's timestamp, ns since the epoch */
    public Capture(long startTs) {
        this.startTs = startTs;
    }

    public long startTs() {
        return startTs;
    }
}
