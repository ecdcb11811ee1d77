package io.pdig.analyzer.state;

/** Read-only access to the state tables for field extractors. */
public interface StateView {
    /** The process with this pid, or null. */
    ProcessInfo process(int pid);

    UserDirectory users();

    /** Host name of the traced system (from the session start), or null. */
    String hostname();

    /**
     * The session the event belongs to (evt.reltime counts from its start), or null when the
     * reader started inside a session and has not read a session start record yet.
     */
    Capture capture();

    /** The parent of a process in the table, or null (unknown or not traced). */
    default ProcessInfo parent(ProcessInfo p) {
        if (p == null || p.ppid() <= 0 || p.ppid() == p.pid()) {
            return null;
        }
        return process(p.ppid());
    }

    /** The n-th ancestor (0 = the process itself, 1 = parent ...), or null. */
    default ProcessInfo ancestor(ProcessInfo p, int n) {
        ProcessInfo cur = p;
        for (int i = 0; i < n && cur != null; i++) {
            cur = parent(cur);
        }
        return cur;
    }
}
