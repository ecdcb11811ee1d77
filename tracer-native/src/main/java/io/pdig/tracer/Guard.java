package io.pdig.tracer;

import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.Syscall;

/**
 * The few calls the tracer refuses because they would blind or deadlock it (facts.md "Evasion
 * paths"): every refused call is skipped, fails with the returned errno and is reported with a
 * REFUSED_SYSCALL notice. Only rows that are always stopped on and always reported are guarded, so
 * their exit stop is always available to set the errno.
 */
final class Guard {
    static final int SECCOMP_SET_MODE_FILTER = 1;
    static final long SECCOMP_FILTER_FLAG_NEW_LISTENER = 1L << 3;
    static final int PTRACE_ATTACH = 16;

    private Guard() {
    }

    /** errno to fail the call with, or 0 to let it run. */
    static int refusal(Syscall row, Abi abi, long[] raw) {
        switch (row.name()) {
            case "seccomp":
                // A user-notification listener outranks RET_TRACE: its CONTINUEd calls would run unseen.
                if ((raw[0] & 0xffffffffL) == SECCOMP_SET_MODE_FILTER && (raw[1] & SECCOMP_FILTER_FLAG_NEW_LISTENER) != 0) {
                    return Errno.EPERM;
                }
                return 0;
            case "ptrace": {
                // Tracing pdig from its own tracee deadlocks both (strace#178).
                long req = raw[0] & 0xffffffffL;
                if (req == PTRACE_ATTACH || req == Ptrace.SEIZE) {
                    if (isPdig((int) raw[1])) {
                        return Errno.EPERM;
                    }
                }
                return 0;
            }
            case "process_vm_writev":
                // Writing into the tracer's memory would let a (same-uid or root) tracee rewrite pdig.
                return isPdig((int) raw[0]) ? Errno.EPERM : 0;
            default:
                return 0;
        }
    }

    private static boolean isPdig(int pid) {
        return pid > 0 && ProcReader.statusLong(pid, "Tgid", -1) == ProcessHandle.current().pid();
    }

    static String describe(Syscall row, int tid) {
        switch (row.name()) {
            case "seccomp":
                return "seccomp filter with a user-notification listener by " + tid;
            case "ptrace":
                return "ptrace attach to pdig by " + tid;
            default:
                return row.name() + " into pdig's memory by " + tid;
        }
    }
}
