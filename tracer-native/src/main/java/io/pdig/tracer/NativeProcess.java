package io.pdig.tracer;

/** Process-level operations on pdig itself that need native code. */
public final class NativeProcess {

    private NativeProcess() {
    }

    /**
     * Kills this JVM with {@code signo} so that a shell sees 128+N (strace's transparency): sets
     * RLIMIT_CORE to 0 (pdig's own core would clobber the tracee's), resets the disposition to
     * SIG_DFL, unblocks the signal and raises it in this thread. Returns only when the signal's
     * default action is not fatal; the caller then exits with 128+N.
     */
    public static void dieBySignal(int signo) {
        if (signo <= 0 || signo > 64) {
            return;
        }
        NativeLibrary.lib().pdig_die_by_signal(signo);
    }

    /** The calling thread's kernel thread id. */
    public static int gettid() {
        return NativeLibrary.lib().pdig_gettid();
    }
}
