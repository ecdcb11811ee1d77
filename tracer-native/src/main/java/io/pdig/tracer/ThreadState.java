package io.pdig.tracer;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.Syscall;

/**
 * What the tracer knows about one traced thread. Confined to the tracer thread.
 *
 * <p>State machine (see docs/INTERNALS.md):
 * <pre>
 *   PARKED   --parent's fork event-------------------------> RUNNING   (an unknown tid's first stop came first)
 *   AWAITING --its first stop (PTRACE_EVENT_STOP)----------> RUNNING   (the parent's fork event came first)
 *   RUNNING  --group-stop: Stopped event + PTRACE_LISTEN---> LISTENING --SIGCONT / interrupt--> RUNNING
 *   any      --detach requested: PTRACE_INTERRUPT----------> DETACHING --next stop: PTRACE_DETACH--> gone
 *   any      --WIFEXITED / WIFSIGNALED---------------------> gone
 * </pre>
 * Orthogonally, {@link #pending} holds a syscall whose entry was seen and whose exit stop is awaited;
 * while it is set the thread is resumed with PTRACE_SYSCALL instead of PTRACE_CONT.
 */
final class ThreadState {

    enum Phase {
        /** First stop seen before the parent's fork/clone event: held stopped until the event. */
        PARKED,
        /** Known from the parent's event; its first stop has not arrived yet. */
        AWAITING_FIRST_STOP,
        RUNNING,
        /** In a group-stop; we sent PTRACE_LISTEN. */
        LISTENING,
        /** PTRACE_INTERRUPT sent; detached at its next stop. */
        DETACHING
    }

    /** A syscall whose entry was decoded and whose exit stop is awaited. */
    record Pending(long ts, Abi abi, int nr, Syscall row, long[] raw, ArgValue[] args) {
    }

    int tid;
    /** Thread group id; -1 while unknown (parked). */
    int pid;
    Phase phase;
    /** Spawn event emitted (guards against a second one when a parked thread was released early). */
    boolean announced;
    Pending pending;
    /** Clone flags of the last fork-like syscall entry, for the Spawn event and thread detection. */
    long lastCloneFlags;
    /** The fork-like call the flags belong to is known (false: derive from the event kind). */
    boolean cloneFlagsKnown;
    /** ABI of the last syscall seen, to report personality changes. */
    Abi abi;
    /** Non-zero: the current syscall was skipped by policy; its exit stop sets this errno. */
    int denyErrno;
    /** Stop count when it was parked (to release threads whose fork event never comes). */
    long parkedSince;
    /** The group-stop signal it was parked in, or 0 when parked in its initial stop. */
    int parkedGroupStop;

    ThreadState(int tid, int pid, Phase phase) {
        this.tid = tid;
        this.pid = pid;
        this.phase = phase;
    }

    boolean wantsExitStop() {
        // cloneFlagsKnown: a fork-like call stopped at its entry ends at its fork event if it makes
        // a task, else only at its exit stop, where its flags are dropped (Tracer.syscallExit).
        return pending != null || cloneFlagsKnown;
    }
}
