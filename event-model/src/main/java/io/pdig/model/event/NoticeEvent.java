package io.pdig.model.event;

/**
 * Something about the tracing itself rather than the tracee's behaviour: unreadable memory,
 * dropped or late events, tracer errors, policy decisions (refused ABI, detached unknown pid).
 *
 * @param kind    a stable machine-readable kind
 * @param count   how many occurrences this notice stands for (dropped-event counts); 1 otherwise
 * @param message human-readable text
 */
public record NoticeEvent(long ts, int tid, int pid, Kind kind, long count, String message) implements Event {

    public enum Kind {
        UNREADABLE_MEMORY,
        DROPPED_EVENTS,
        LATE_EVENTS,
        TRACER_ERROR,
        REFUSED_SYSCALL,
        PERSONALITY_CHANGE,
        DETACHED,
        ATTACHED,
        INFO
    }
}
