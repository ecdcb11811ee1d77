package io.pdig.model.syscall;

/** Semantic flags of a syscall row; filters, state handlers and the default set are computed from them. */
public enum SyscallFlag {
    /** In the default traced set (what Falco rules and the process/fd state need). */
    DEFAULT,
    /** Operates on files or paths. */
    FILE,
    /** Operates on sockets or network addresses. */
    NETWORK,
    /** Creates, changes or ends processes or credentials. */
    PROCESS,
    /** Sends or handles signals (named SIGNALS to keep it apart from ArgKind.SIGNAL). */
    SIGNALS,
    /** Security-sensitive by itself (ptrace, bpf, module loading, namespaces, seccomp). */
    SECURITY,
    /** Memory management. */
    MEMORY,
    /** Returns a new fd that the fd table must learn. */
    CREATES_FD,
    /** Releases an fd (close, close_range). */
    CLOSES_FD,
    /** Duplicates an fd (dup*, fcntl F_DUPFD). */
    DUPS_FD,
    /**
     * Can make an fd number that is in use name another file (close, close_range, dup2 and dup3
     * onto a used number). While every such call stops first, the tracer may read
     * /proc/PID/fd/N after the thread that opened N resumed (tracer-native TracePolicy).
     */
    REPLACES_FD,
    /** The exit stop may be skipped by default: the result is not needed for state or rules. */
    SKIP_EXIT
}
