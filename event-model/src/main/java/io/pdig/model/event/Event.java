package io.pdig.model.event;

/**
 * Something the driver observed. Every event carries the time (nanoseconds since the epoch), the
 * thread id and the process (thread group) id, in the tracee's view of the pid namespace of the
 * tracer. Events are immutable values; the journal assigns sequence numbers when it stores them.
 */
public sealed interface Event permits SyscallEvent, ProcessEvent, NoticeEvent, SessionEvent {
    long ts();

    int tid();

    int pid();
}
