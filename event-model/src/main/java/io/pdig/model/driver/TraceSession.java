package io.pdig.model.driver;

import java.util.Map;

/**
 * A running trace. Owns its tracees and the thread that drives them; {@link #close()} releases
 * everything (kills or detaches the tracees according to the spec's policy, joins the thread).
 *
 * <p>Threading: every method may be called from any thread; the session hands the work to its
 * own driver thread.
 */
public interface TraceSession extends AutoCloseable {

    /** Pid of the command started by launch, or the attach target. */
    int mainPid();

    /**
     * Blocks until the session is over: for launch, when the main tracee and every descendant the
     * policy waits for has ended; for attach, when the targets ended or {@link #detach()} finished.
     */
    Termination awaitTermination() throws InterruptedException;

    /**
     * Forwards a signal that pdig itself received to the main tracee (SIGINT, SIGTERM...); once the
     * main tracee has ended, ends the session instead (its descendants killed, or detached when
     * fail-open).
     */
    void forwardSignal(int signo);

    /** Detaches from every tracee, leaving them running (attach mode); idempotent. */
    void detach();

    /**
     * Why the driver stopped tracing before the session's natural end (a driver bug), or null.
     * The tracees were then killed (launch, fail-closed) or detached (attach, fail-open).
     */
    default String failure() {
        return null;
    }

    /** Counters so far: events, stops, drops and the like. */
    Map<String, Long> counters();

    @Override
    void close();
}
