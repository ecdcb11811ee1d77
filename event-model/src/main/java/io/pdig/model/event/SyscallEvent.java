package io.pdig.model.event;

import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallTable;

/**
 * One completed syscall (or one entry only, for calls whose exit stop is skipped or that never
 * return). Arguments are in the order of the table row's {@link Syscall#args()}.
 *
 * @param ts       time of the entry stop, ns since the epoch
 * @param abi      ABI the call was made through
 * @param nr       raw syscall number in that ABI
 * @param res      the return value (negative errno on failure); meaningless when {@code !hasResult}
 * @param hasResult false when the exit was not observed (skipped exit stop, exit, exec superseded)
 * @param args     decoded arguments, same length as the row's args
 * @param duration ns from the entry stop to the exit stop (strace's {@code -T}, Falco's
 *                 {@code evt.latency}), or for a fork-like call or exec completed at its ptrace
 *                 event stop, to that stop; {@link #NO_DURATION} when neither was seen after an
 *                 entry stop (a skipped exit, a call that never returned, a plain clone reported
 *                 from its fork event without an entry stop, a journal older than schema v5, or
 *                 a fork-like call or exec recorded by an older pdig); never negative otherwise
 */
public record SyscallEvent(long ts, int tid, int pid, Abi abi, int nr, long res, boolean hasResult, ArgValue[] args,
        long duration) implements Event {

    /** The duration of a call whose exit stop was not seen. */
    public static final long NO_DURATION = -1;

    public SyscallEvent {
        if (duration < NO_DURATION) throw new IllegalArgumentException("negative duration " + duration);
    }

    /** An event without a known duration (most events of tests and of derived sets). */
    public SyscallEvent(long ts, int tid, int pid, Abi abi, int nr, long res, boolean hasResult, ArgValue[] args) {
        this(ts, tid, pid, abi, nr, res, hasResult, args, NO_DURATION);
    }

    public boolean hasDuration() {
        return duration != NO_DURATION;
    }

    /** The table row, or null for a number the table does not know. */
    public Syscall syscall() {
        return SyscallTable.byNumber(abi, nr);
    }

    /** The syscall name, or {@code syscall_0xNN} for unknown numbers (strace's form). */
    public String name() {
        Syscall s = syscall();
        return s != null ? s.name() : "syscall_0x" + Integer.toHexString(nr);
    }

    public boolean failed() {
        return hasResult && res < 0 && res >= -4095;
    }

    /** The argument with this Falco parameter name, or null. */
    public ArgValue arg(String name) {
        Syscall s = syscall();
        if (s == null) return null;
        int i = s.argIndex(name);
        return i >= 0 && i < args.length ? args[i] : null;
    }
}
