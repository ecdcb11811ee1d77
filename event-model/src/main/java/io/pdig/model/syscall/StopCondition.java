package io.pdig.model.syscall;

/**
 * Narrows when a traced syscall is worth a stop, by argument {@code argIndex} (its low 32 bits,
 * which the seccomp filter can see): the argument equals one of {@code values}, or, when
 * {@code anyOfBits} is not 0, it has one of those bits set. As a row's entry condition, other calls
 * of the same syscall run without an entry stop (fcntl's F_GETFL changes no state pdig tracks; a
 * plain clone is reported from its fork event instead). As a row's exit condition, the other calls
 * stop at their entry only: their result is not needed (fcntl's F_SETFD, which sets a flag, against
 * F_DUPFD, which returns the new fd).
 */
public record StopCondition(int argIndex, long[] values, long anyOfBits) {

    /** The argument equals one of the values. */
    public StopCondition(int argIndex, long[] values) {
        this(argIndex, values, 0);
    }

    /** The argument has at least one of these bits set. */
    public static StopCondition anyBit(int argIndex, long bits) {
        return new StopCondition(argIndex, new long[0], bits);
    }

    /** True when the argument's low 32 bits satisfy the condition, as the filter tests them. */
    public boolean matches(long[] args) {
        int low = (int) args[argIndex];
        if (anyOfBits != 0) return (low & (int) anyOfBits) != 0;
        for (long v : values) {
            if ((int) v == low) return true;
        }
        return false;
    }
}
