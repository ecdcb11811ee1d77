package io.pdig.tracer;

import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running ptrace session: owns the tracer thread (a platform thread that lives for the whole
 * session) and hands work to it. Methods are callable from any thread; the tracer thread is the only
 * one that calls ptrace or waitpid.
 */
final class PtraceSession implements TraceSession {

    final Counters counters = new Counters();
    /** Set by the tracer thread; read by callers to interrupt its waitpid(). */
    volatile int tracerTid;
    volatile int mainPid;
    /** The main tracee has ended (its pid may be reused: no more signals to it). */
    volatile boolean mainEnded;
    /** Why the tracer thread failed (a tracer bug), or null; written once by that thread. */
    volatile String failure;

    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<Termination> done = new CompletableFuture<>();
    private final AtomicInteger commandsTaken = new AtomicInteger();
    private final boolean detachOnClose;
    /** SIGHUP, SIGINT, SIGQUIT, SIGTERM: sent to pdig, they ask the traced session to end. */
    private static final java.util.Set<Integer> ENDING_SIGNALS = java.util.Set.of(1, 2, 3, 15);
    private Tracer tracer;
    private Thread thread;

    PtraceSession(boolean detachOnClose) {
        this.detachOnClose = detachOnClose;
    }

    void start(Tracer t, String name) {
        this.tracer = t;
        // A platform thread, never virtual: ptrace is bound to the OS thread.
        thread = new Thread(t::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks until the tracee runs (exec'd or attached) or setup failed. */
    void awaitStarted() throws DriverException {
        try {
            started.get();
        } catch (ExecutionException e) {
            joinQuietly();
            if (e.getCause() instanceof DriverException d) throw d;
            throw new DriverException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new DriverException("interrupted while starting the tracee", e);
        }
    }

    void started() {
        started.complete(null);
    }

    void startFailed(DriverException e) {
        started.completeExceptionally(e);
    }

    void finished(Termination t) {
        started.completeExceptionally(new DriverException("the session ended before the tracee started"));
        done.complete(t);
    }

    void commandTaken() {
        commandsTaken.incrementAndGet();
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public int mainPid() {
        return mainPid;
    }

    @Override
    public Termination awaitTermination() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void forwardSignal(int signo) {
        if (done.isDone()) return;
        boolean ending = ENDING_SIGNALS.contains(signo);
        if (!mainEnded && mainPid > 0) {
            // kill() needs no tracer: the tracee's signal-delivery-stop reaches the tracer thread,
            // which re-injects it (and turns SIGSTOP/SIGTSTP into a real group-stop with
            // PTRACE_LISTEN). For the signals that ask pdig to end, SIGCONT first, as strace does
            // (catalogue B1): a stopped tracee would otherwise keep the signal pending until someone
            // continued it. Others (SIGUSR1: a reload, a progress report) are the command's own
            // business and wait, as they would untraced.
            if (ending) NativeLibrary.lib().pdig_kill(mainPid, Ptrace.SIGCONT);
            NativeLibrary.lib().pdig_kill(mainPid, signo);
            return;
        }
        if (!ending) return; // nobody to give it to; it does not ask pdig to end
        // The command has ended and only what it left behind is traced (orphans, daemons): there
        // is no one to forward to, and dropping the signal would leave SIGKILL as the only way
        // to stop pdig. It ends the session instead: those processes are killed (fail-closed) or
        // detached (--fail-open), and pdig exits with the command's status.
        if (mainEnded) command(detachOnClose ? Tracer.Command.DETACH : Tracer.Command.KILL);
    }

    @Override
    public void detach() {
        command(Tracer.Command.DETACH);
        awaitDone(30_000);
    }

    @Override
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        if (thread == null) return;
        if (!done.isDone()) {
            command(detachOnClose ? Tracer.Command.DETACH : Tracer.Command.KILL);
        }
        awaitDone(60_000);
        joinQuietly();
    }

    /** Queues a command and interrupts the tracer's waitpid() until it has taken the command. */
    private void command(Tracer.Command c) {
        if (done.isDone() || tracer == null) return;
        int before = commandsTaken.get();
        tracer.commands.add(c);
        NativeLibrary.Lib lib = NativeLibrary.lib();
        int self = (int) ProcessHandle.current().pid();
        // The wake signal can land just before waitpid() is entered; resend until the command is taken.
        while (commandsTaken.get() == before && !done.isDone()) {
            int tid = tracerTid;
            if (tid > 0) lib.pdig_tgkill(self, tid, Tracer.WAKE_SIGNAL);
            try {
                done.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // resend
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    private void awaitDone(long millis) {
        try {
            done.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported by awaitTermination
        }
    }

    private void joinQuietly() {
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the tracer thread has ended (for leak tests). */
    boolean threadAlive() {
        return thread != null && thread.isAlive();
    }
}
