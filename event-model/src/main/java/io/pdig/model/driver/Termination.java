package io.pdig.model.driver;

/**
 * How the main tracee ended.
 *
 * @param exitCode   exit code when it exited (0..255), or -1 when killed by a signal or detached
 * @param signal     the signal that killed it, or 0
 * @param coreDumped a core was written
 * @param detached   the session ended by detaching (attach mode), the target lives on
 */
public record Termination(int exitCode, int signal, boolean coreDumped, boolean detached) {

    public static Termination exited(int code) {
        return new Termination(code, 0, false, false);
    }

    public static Termination killed(int signal, boolean core) {
        return new Termination(-1, signal, core, false);
    }

    public static Termination detachedFromTarget() {
        return new Termination(-1, 0, false, true);
    }
}
