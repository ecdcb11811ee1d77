package io.pdig.model.syscall;

/**
 * Narrows when a traced syscall is worth a stop: only when argument {@code argIndex} (its low 32
 * bits, which the seccomp filter can see) equals one of {@code values}. As a row's entry
 * condition, other calls of the same syscall change no state that pdig tracks and so run without
 * stopping (e.g. fcntl's F_GETFL against its fd-creating F_DUPFD). As a row's exit condition, the
 * other calls stop at their entry only: their result is not needed (fcntl's F_SETFD, which sets a
 * flag, against F_DUPFD, which returns the new fd).
 */
public record StopCondition(int argIndex, long[] values) {

    /** True when the argument's low 32 bits equal one of the values, as the filter compares them. */
    public boolean matches(long[] args) {
        int low = (int) args[argIndex];
        for (long v : values) {
            if ((int) v == low) return true;
        }
        return false;
    }
}
