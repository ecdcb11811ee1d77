package io.pdig.tracer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Session counters: written by the tracer thread, read by anyone through {@link #snapshot()}. */
final class Counters {
    final AtomicLong stops = new AtomicLong();
    final AtomicLong syscallEvents = new AtomicLong();
    final AtomicLong processEvents = new AtomicLong();
    final AtomicLong notices = new AtomicLong();
    final AtomicLong signals = new AtomicLong();
    final AtomicLong tracees = new AtomicLong();
    final AtomicLong unreadable = new AtomicLong();
    /** Threads detached while still alive (detach, or a fail-open end that left them running). */
    final AtomicLong detached = new AtomicLong();
    /**
     * Reads of a mount table for the exec snapshot's read-only superblock question (MountNamespaces):
     * a namespace's table kept, or a tracee's read for one exec.
     */
    final AtomicLong mountTableReads = new AtomicLong();

    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("stops", stops.get());
        m.put("syscall_events", syscallEvents.get());
        m.put("process_events", processEvents.get());
        m.put("notices", notices.get());
        m.put("signals", signals.get());
        m.put("tracees", tracees.get());
        m.put("unreadable_args", unreadable.get());
        m.put("detached", detached.get());
        m.put("mount_table_reads", mountTableReads.get());
        return m;
    }
}
