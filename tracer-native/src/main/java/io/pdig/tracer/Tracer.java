package io.pdig.tracer;

import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.EventSink;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The tracer loop: {@code while (!finished) { commands(); next().dispatchTo(this); }}. Runs on one
 * dedicated platform thread for the whole session (ptrace belongs to that OS thread; with
 * EXITKILL the tracees die when it exits). Every field is confined to that thread except the
 * command queue and what {@link PtraceSession} publishes.
 *
 * <p>Subclasses provide the setup ({@link LaunchTracer} spawns, {@link AttachTracer} seizes); the
 * stop handling is shared and differs only by {@link #attachMode}.
 */
abstract class Tracer implements Stop.Handler<RuntimeException> {

    /** Real-time signal used to interrupt waitpid() when a command is queued (SIGRTMAX-2). */
    static final int WAKE_SIGNAL = 62;

    /**
     * How long the tracer polls for the next stop before it blocks (pdig_next), in microseconds:
     * a stop that comes within the window reaches a running tracer instead of waking a sleeping
     * one, which in a virtual machine costs an inter-processor interrupt through the host on every
     * stop (docs/BENCHMARKS.md, Tracer speed, session 5). Off with one CPU, or with the tracee pinned
     * to the tracer's CPU, where polling would only keep the tracee waiting. 0 turns it off.
     */
    static final String SPIN_PROPERTY = "pdig.tracer.spinMicros";
    static final long DEFAULT_SPIN_MICROS = 30;

    static long spinNanos() {
        if (Runtime.getRuntime().availableProcessors() < 2 || Boolean.getBoolean(LaunchTracer.PIN_PROPERTY)) return 0;
        return Math.max(0, Long.getLong(SPIN_PROPERTY, DEFAULT_SPIN_MICROS)) * 1000;
    }

    /** A thread parked (first stop before its parent's event) for this many stops is released anyway. */
    private static final int PARK_RELEASE_STOPS = 10_000;

    enum Command { DETACH, KILL }

    protected final NativeLibrary.Lib lib = NativeLibrary.lib();
    protected final EventSink sink;
    protected final TracePolicy policy;
    protected final boolean attachMode;
    protected final Counters counters;
    protected final PtraceSession session;
    private final int stringLimit;
    /** Most bytes captured of one data buffer (read/write family); validated by the spec. */
    private final int snapLen;
    final Queue<Command> commands = new ConcurrentLinkedQueue<>();

    protected final Map<Integer, ThreadState> threads = new HashMap<>();
    /** The stop being handled: {@link #primary}, or the pending stop's buffer taken from the ring. */
    protected StopBuffer buf;
    private StopBuffer primary;
    /**
     * Fairness: stops already pending when a fresh one is taken, gathered in the kernel's order
     * and handled before the next wait. waitpid(-1) reports the tracees at the front of the
     * kernel's list first; taking one stop at a time let those threads, resumed at once, stop and
     * be served again while the others waited: with 100 threads opening files, most got a handful
     * of calls in 5 s and one waited 4.6 s for a single open (strace, which also gathers, 14 ms).
     * Gathered only with more than one known thread, so a single-threaded program pays nothing,
     * and before a wait rather than after one: the thread just resumed runs meanwhile.
     * A ring of preallocated buffers, confined to the tracer thread like {@link #buf}.
     */
    private static final int PENDING_MAX = 1024;
    /**
     * For tests of what a tracer bug does (TracerFailureTest): the tracer thread throws at the entry
     * stop of this syscall number (property {@code pdig.test.tracerFault}). A long, so that no int
     * number matches when it is not set.
     */
    private static final long INJECTED_FAULT_NR = Long.getLong("pdig.test.tracerFault", Long.MIN_VALUE);
    private StopBuffer[] pendingBufs;
    private final int[] pendingRc = new int[PENDING_MAX];
    private int pendingHead;
    private int pendingCount;
    /**
     * The last gathering found stops: threads are queueing up, so gather before every wait until
     * one finds none. Otherwise every GATHER_EVERY stops, which bounds how long a fresh wait can
     * keep serving the front of the kernel's list, for one non-blocking waitpid per that many
     * stops (gathering before every wait cost create threads ~10 %).
     */
    private boolean backlog;
    private static final int GATHER_EVERY = 8;
    protected TraceeMemory mem;
    /** The exec snapshot's overlayfs layer lookup (tracer thread); its watch fd closes with the session. */
    protected final OverlayLayers layers = new OverlayLayers(lib);
    /** The exec snapshot's read-only superblock lookup (tracer thread); its watch fds close with the session. */
    protected final MountNamespaces mountNamespaces;
    private ArgDecoder decoder;
    private final long[] raw = new long[6];
    private final long epochBase = System.currentTimeMillis() * 1_000_000L;
    private final long nanoBase = System.nanoTime();
    private final long spinNanos = spinNanos();
    private boolean spinForNext;
    /**
     * Polls in a row that ended without a stop. Where the traced program computes longer than the
     * window between its traced calls (tar: one lstat per file between them), polling only burns
     * CPU (and, in this guest, slows the program on the sibling virtual CPU: tar 5-7 % slower); after
     * two misses the tracer polls only every POLL_PROBE_EVERY stops, until a probe hits again.
     */
    private int pollMisses;
    private static final int POLL_MISSES_TOLERATED = 2;
    private static final int POLL_PROBE_EVERY = 16;
    private long stopCount;
    private int parkedCount;
    /**
     * Whether the /proc readlink that names a newly opened fd may run after its thread resumed, so
     * that the thread runs while the tracer reads (one readlink less on every open's critical
     * path). Safe when every call that could make the fd name another file stops first
     * ({@link TracePolicy#stopsEveryFdReplacement}; attach mode stops on every call): the tracer
     * reads before it handles any other stop, so such a call is still waiting at its entry.
     */
    private final boolean fdPathAfterResume;

    protected int mainPid;
    protected boolean mainEnded;
    protected Termination mainTermination;
    protected boolean detachInProgress;
    protected boolean killRequested;
    /**
     * Attach mode: processes whose leader is a zombie we could not seize. The kernel never reports
     * such a leader's exit to us, so the end of a process's last thread stands for it (and, for
     * the target, is the main end).
     */
    protected final java.util.Set<Integer> unseizedLeaders = new java.util.HashSet<>();
    private boolean finished;

    Tracer(EventSink sink, TracePolicy policy, boolean attachMode, int stringLimit, int snapLen, PtraceSession session) {
        this.sink = sink;
        this.policy = policy;
        this.attachMode = attachMode;
        this.stringLimit = stringLimit > 0 ? stringLimit : 4096;
        this.snapLen = snapLen;
        this.session = session;
        this.counters = session.counters;
        this.mountNamespaces = new MountNamespaces(lib, counters.mountTableReads);
        this.fdPathAfterResume = attachMode || policy.stopsEveryFdReplacement();
    }

    /** Creates or seizes the first tracees; throws on a setup failure (nothing left traced then). */
    protected abstract void setup() throws DriverException;

    /** Called when the main tracee ended (exit or signal). */
    protected abstract void mainEnded();

    /** Releases setup resources once the session is over. */
    protected void cleanup() {
    }

    /** Thread body. */
    final void run() {
        Termination end = null;
        try {
            // The handler first: the default action of the wake signal would kill the JVM. It stays
            // installed for good, so a late wake signal is always harmless.
            Errno.check(lib.pdig_install_wake_handler(WAKE_SIGNAL), "install wake handler");
            session.tracerTid = lib.pdig_gettid();
            primary = buf = new StopBuffer();
            mem = new TraceeMemory(lib, stringLimit);
            decoder = new ArgDecoder(mem, new SocketNames(lib), stringLimit, snapLen);
            try {
                setup();
            } catch (DriverException e) {
                session.startFailed(e);
                drainAfterFailure(attachMode); // a launch that failed to start never runs on
                return;
            }
            loop();
            end = termination();
        } catch (Throwable t) {
            // A tracer bug must not leave tracees stopped forever: kill (launch, fail-closed) or
            // detach (attach, or launch with --fail-open) what we hold, then reap.
            session.failure = String.valueOf(t);
            try {
                notice(0, 0, NoticeEvent.Kind.TRACER_ERROR, "tracer failed: " + t);
            } catch (Throwable ignored) {
                // the sink itself may be what failed
            }
            session.startFailed(new DriverException("tracer failed: " + t, t));
            drainAfterFailure(detachesOnFailure());
            end = mainTermination != null ? mainTermination
                    : detachesOnFailure() ? Termination.detachedFromTarget() : Termination.killed(Ptrace.SIGKILL, false);
        } finally {
            layers.close();
            mountNamespaces.close();
            cleanup();
            session.finished(end != null ? end : (mainTermination != null ? mainTermination : Termination.detachedFromTarget()));
        }
    }

    private Termination termination() {
        if (mainTermination != null) return mainTermination;
        return Termination.detachedFromTarget();
    }

    /**
     * After a tracer failure, tracees are detached and live on (attach mode; a launched command
     * that runs, with --fail-open) rather than killed (launch, fail-closed).
     */
    protected boolean detachesOnFailure() {
        return attachMode;
    }

    /**
     * Releases whatever is left after a failure so that no zombie or stopped tracee remains: launch
     * mode kills (fail-closed); attach mode, and launch with --fail-open, interrupt and detach (the
     * tracees live on). Detached, a launched command is still the tracer thread's child: its exit
     * is waited for and becomes the session's termination, as without the failure.
     */
    private void drainAfterFailure(boolean detach) {
        if (buf == null) return;
        // Gathered stops first: their threads stay stopped, and no new stop of theirs will come.
        for (; pendingCount > 0; pendingCount--, pendingHead = (pendingHead + 1) % PENDING_MAX) {
            int tid = pendingRc[pendingHead];
            if ((pendingBufs[pendingHead].get(StopBuffer.STATUS) & 0xff) != 0x7f) continue; // an exit
            if (detach) {
                lib.pdig_ptrace(Ptrace.DETACH, tid, 0, 0);
            } else {
                lib.pdig_kill(tid, Ptrace.SIGKILL);
                lib.pdig_ptrace(Ptrace.CONT, tid, 0, 0);
            }
        }
        buf = primary;
        for (ThreadState t : threads.values()) {
            if (detach) {
                // A thread already in a stop (the one whose handling failed, one parked) reports
                // no new stop: detach it now. The others (ESRCH: running) are made to stop.
                if (lib.pdig_ptrace(Ptrace.DETACH, t.tid, 0, 0) < 0) lib.pdig_ptrace(Ptrace.INTERRUPT, t.tid, 0, 0);
            } else {
                lib.pdig_kill(t.tid, Ptrace.SIGKILL);
            }
        }
        for (int i = 0; i < 100_000; i++) {
            int rc = lib.pdig_next(buf.address, 0);
            if (rc == -Errno.ECHILD) return;
            if (rc <= 0) continue;
            int st = (int) buf.get(StopBuffer.STATUS);
            if ((st & 0xff) != 0x7f) {
                // Exited or killed, and reaped. The command's own end is the session's (fail-open).
                if (rc == mainPid && !mainEnded && !attachMode) {
                    mainEnded = true;
                    session.mainEnded = true;
                    Stop end = Stop.decode(rc, buf);
                    mainTermination = end instanceof Stop.Exited x ? Termination.exited(x.code())
                            : end instanceof Stop.Killed k ? Termination.killed(k.signo(), k.core()) : null;
                }
                continue;
            }
            if (detach) {
                lib.pdig_ptrace(Ptrace.DETACH, rc, 0, 0);
            } else {
                lib.pdig_kill(rc, Ptrace.SIGKILL);
                lib.pdig_ptrace(Ptrace.CONT, rc, 0, 0);
            }
        }
    }

    private void loop() {
        // Stops already taken from the kernel are handled even after the session is finished: each
        // holds a stopped thread that must be resumed, detached or killed.
        while (!finished || pendingCount > 0) {
            Command c;
            while ((c = commands.poll()) != null) {
                session.commandTaken();
                execute(c);
            }
            if (finished && pendingCount == 0) break;
            Stop s = nextStop();
            if (!(s instanceof Stop.Woken)) {
                stopCount++;
                counters.stops.incrementAndGet();
            }
            spinForNext = false; // set by the syscall handlers, see spinAfter
            if (killRequested && killOnArrival(s)) continue;
            s.dispatchTo(this);
            if (parkedCount > 0 && (s instanceof Stop.Exited || s instanceof Stop.Killed
                    || stopCount % 1024 == 0)) {
                releaseStaleParked(s instanceof Stop.Exited || s instanceof Stop.Killed);
            }
        }
    }

    /**
     * The next stop to handle: a gathered one; else, with more than one thread, whatever is
     * pending now (gathered while the threads resumed last run); else a fresh wait.
     */
    private Stop nextStop() {
        if (pendingCount == 0 && threads.size() > 1 && (backlog || stopCount % GATHER_EVERY == 0)) {
            gatherPending();
            backlog = pendingCount > 0;
        }
        if (pendingCount > 0) {
            buf = pendingBufs[pendingHead];
            int rc = pendingRc[pendingHead];
            pendingHead = (pendingHead + 1) % PENDING_MAX;
            pendingCount--;
            return Stop.decode(rc, buf);
        }
        buf = primary;
        buf.clearSyscallSlots();
        boolean poll = spinForNext && spinNanos > 0 && (pollMisses < POLL_MISSES_TOLERATED || stopCount % POLL_PROBE_EVERY == 0);
        int rc = lib.pdig_next(buf.address, poll ? spinNanos : 0);
        Stop s = Stop.decode(rc, buf);
        if (poll) pollMisses = buf.get(StopBuffer.POLLED) != 0 ? 0 : pollMisses + 1;
        return s;
    }

    /** Takes every stop already pending (up to the ring's size), without waiting. */
    private void gatherPending() {
        if (pendingBufs == null) {
            pendingBufs = new StopBuffer[PENDING_MAX];
        }
        while (pendingCount < PENDING_MAX) {
            int at = (pendingHead + pendingCount) % PENDING_MAX;
            StopBuffer b = pendingBufs[at];
            if (b == null) b = pendingBufs[at] = new StopBuffer();
            b.clearSyscallSlots();
            int rc = lib.pdig_next(b.address, -1);
            if (rc <= 0) return; // none pending (0), or ECHILD/EINTR: the next fresh wait says so
            pendingRc[at] = rc;
            pendingCount++;
        }
    }

    private void execute(Command c) {
        switch (c) {
            case DETACH:
                startDetachAll();
                break;
            case KILL:
                killAll();
                break;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Stop handlers

    @Override
    public void seccomp(Stop.Seccomp s) {
        ThreadState t = known(s.tid());
        if (t.phase == ThreadState.Phase.DETACHING) {
            detachNow(t, 0);
            return;
        }
        syscallEntered(t);
    }

    @Override
    public void syscallEntry(Stop.SyscallEntry s) {
        ThreadState t = known(s.tid());
        if (t.phase == ThreadState.Phase.DETACHING) {
            detachNow(t, 0);
            return;
        }
        if (attachMode) {
            syscallEntered(t);
        } else {
            resume(t, 0); // launch mode: the seccomp stop that follows carries the entry
        }
    }

    private void syscallEntered(ThreadState t) {
        if (buf.get(StopBuffer.INFO_RC) <= 0) {
            resume(t, 0); // PTRACE_GET_SYSCALL_INFO failed: the thread is dying (ESRCH); nothing to decode
            return;
        }
        long arch = buf.get(StopBuffer.ARCH);
        int nrRaw = (int) buf.get(StopBuffer.NR);
        Abi abi;
        int nr = nrRaw;
        if (arch == Ptrace.AUDIT_ARCH_I386) {
            abi = Abi.I386;
        } else if (arch == Ptrace.AUDIT_ARCH_X86_64) {
            if (nrRaw >= 0 && (nrRaw & Abi.X32_SYSCALL_BIT) != 0) {
                abi = Abi.X32;
                nr = nrRaw & ~Abi.X32_SYSCALL_BIT;
            } else {
                abi = Abi.X86_64;
            }
        } else {
            notice(t.tid, t.pid, NoticeEvent.Kind.REFUSED_SYSCALL,
                    "syscall " + nrRaw + " of unknown arch 0x" + Long.toHexString(arch) + " denied");
            deny(t);
            resume(t, 0);
            return;
        }
        if (t.abi != abi && abi != Abi.X32) {
            if (t.abi != null) {
                notice(t.tid, t.pid, NoticeEvent.Kind.PERSONALITY_CHANGE, "process " + t.pid + " now runs in "
                        + (abi == Abi.I386 ? "32-bit (i386)" : "64-bit") + " mode");
            }
            t.abi = abi;
        }
        for (int i = 0; i < 6; i++) {
            raw[i] = buf.arg(i);
        }
        if (abi == Abi.X32) {
            // x32 is never let through unseen: reported and denied (the call returns ENOSYS).
            long ts = now();
            emit(new SyscallEvent(ts, t.tid, t.pid, Abi.X32, nr, -Errno.ENOSYS, true, decoder.decodeEntry(t.tid, null, Abi.X32, raw, false, 0)));
            counters.syscallEvents.incrementAndGet();
            notice(t.tid, t.pid, NoticeEvent.Kind.REFUSED_SYSCALL, "x32 syscall " + nr + " denied (ENOSYS)");
            deny(t);
            resume(t, 0);
            return;
        }
        if (nr == INJECTED_FAULT_NR) throw new IllegalStateException("injected tracer fault at syscall " + nr);
        Syscall row = SyscallTable.byNumber(abi, nr);
        if (row != null && ForkLike.isForkLike(row)) {
            recordCloneFlags(t, row, abi);
        }
        spinForNext = spinAfter(row);
        if (!policy.reports(abi, nr)) {
            resume(t, 0);
            return;
        }
        long ts = now();
        int refused = row == null ? 0 : Guard.refusal(row, abi, raw);
        boolean exitFollows = policy.wantsExit(abi, nr, raw) || refused != 0;
        ArgValue[] args = decoder.decodeEntry(t.tid, row, abi, raw, exitFollows, buf.get(StopBuffer.SP));
        countUnreadable(args);
        if (refused != 0) {
            // Skip the call now; its exit stop (always wanted for guarded rows) sets the errno.
            deny(t);
            t.denyErrno = refused;
            notice(t.tid, t.pid, NoticeEvent.Kind.REFUSED_SYSCALL, Guard.describe(row, t.tid) + " refused ("
                    + Errno.name(refused) + ")");
        }
        if (exitFollows) {
            t.pending = new ThreadState.Pending(ts, abi, nr, row, raw.clone(), args);
            resume(t, 0);
        } else {
            // The arguments are read; handing the event on can wait until the thread runs. No
            // other event can come in between: this thread handles the next stop only after.
            resume(t, 0);
            emitSyscall(new SyscallEvent(ts, t.tid, t.pid, abi, nr, 0, false, args));
        }
    }

    @Override
    public void syscallExit(Stop.SyscallExit s) {
        // Taken as the entry's time is (now(): a vDSO clock read, no syscall, no allocation), and
        // first, so the duration does not include this handler's own reads.
        long exitTs = now();
        ThreadState t = known(s.tid());
        // A fork-like call whose flags were recorded at its entry and which made no task (it
        // failed) ends here: its flags must not be taken for the thread's next clone, which may
        // have no entry stop (ThreadState.wantsExitStop asks for this stop while they are kept).
        t.cloneFlagsKnown = false;
        ThreadState.Pending p = t.pending;
        spinForNext = p == null || spinAfter(p.row());
        if (t.phase == ThreadState.Phase.DETACHING) {
            // A call blocked when the detach's PTRACE_INTERRUPT came (read, accept, futex, a sleep)
            // stops here with an -ERESTART* code: the kernel restarts it once we are gone, and the
            // program never sees that code. Its result is unknown to us, not a failure (strace
            // prints it <unfinished ...> <detached ...>).
            finishPending(t, !restartCodeAtExit(), exitTs);
            detachNow(t, 0);
            return;
        }
        // Everything read from the thread's registers and memory is taken first; then it resumes,
        // and the rest (the new fd's path, handing the event on) overlaps its run.
        SyscallEvent e = takePending(t, true, fdPathAfterResume, exitTs);
        resume(t, 0);
        if (e == null) return;
        if (fdPathAfterResume && e.hasResult()) {
            decoder.resolveOpenedPath(e.tid(), p.row(), p.raw(), p.args(), e.res());
        }
        emitSyscall(e);
    }

    /**
     * Whether to poll for the next stop after this syscall stop: the thread resumed now will likely
     * stop again soon. Not after a fork-like or exec-like call, nor after process events (no
     * handler but these sets it): a new process or thread then wants the idle CPU that a polling
     * tracer would hold (bench_create_processes 1.25 -> 1.5 s, create threads 20 % slower).
     */
    private static boolean spinAfter(Syscall row) {
        return row == null || !(ForkLike.isForkLike(row) || ExecLike.isExecLike(row));
    }

    /** Whether the current stop is a syscall exit whose return value is a kernel restart code (512-516). */
    private boolean restartCodeAtExit() {
        if (buf.get(StopBuffer.INFO_RC) <= 0 || buf.get(StopBuffer.OP) != Ptrace.SYSCALL_INFO_EXIT) return false;
        long res = buf.get(StopBuffer.NR);
        return res < 0 && io.pdig.model.consts.Errno.isRestart((int) -res);
    }

    private void finishPending(ThreadState t, boolean haveResult, long exitTs) {
        SyscallEvent e = takePending(t, haveResult, false, exitTs);
        if (e != null) emitSyscall(e);
    }

    /**
     * Ends the thread's pending call: applies a refusal's errno, reads the result and the exit-phase
     * arguments, and returns its event (null when nothing was pending). With {@code openedPathLater}
     * the path of a call that returned a new fd is left for {@link ArgDecoder#resolveOpenedPath}.
     * {@code exitTs} is the time of the exit stop being handled; the event's duration is that minus
     * the entry's time when the result is known, else unknown (an interrupted call's restart code
     * is not the end of the call the program sees).
     */
    private SyscallEvent takePending(ThreadState t, boolean haveResult, boolean openedPathLater, long exitTs) {
        int refused = t.denyErrno;
        t.denyErrno = 0;
        if (refused != 0 && haveResult) {
            lib.pdig_ptrace(Ptrace.POKEUSER, t.tid, Ptrace.USER_RAX, -refused);
        }
        ThreadState.Pending p = t.pending;
        if (p == null) return null;
        t.pending = null;
        long res = 0;
        long duration = SyscallEvent.NO_DURATION;
        if (haveResult && buf.get(StopBuffer.INFO_RC) > 0 && buf.get(StopBuffer.OP) == Ptrace.SYSCALL_INFO_EXIT) {
            // now() reads CLOCK_MONOTONIC (nanoTime from one base), so this is never negative; the
            // clamp only keeps a clock that broke that promise from failing the event's invariant.
            duration = Math.max(0, exitTs - p.ts());
            res = refused != 0 ? -refused : buf.get(StopBuffer.NR);
            decoder.decodeExitArgs(t.pid, t.tid, p.row(), p.abi(), p.raw(), p.args(), res);
            if (!openedPathLater) decoder.resolveOpenedPath(t.tid, p.row(), p.raw(), p.args(), res);
        } else {
            haveResult = false;
            decoder.resolveWithoutExit(t.tid, p.row(), p.abi(), p.raw(), p.args());
        }
        return new SyscallEvent(p.ts(), t.tid, t.pid, p.abi(), p.nr(), res, haveResult, p.args(), duration);
    }

    /** Emits a syscall whose exit will never be seen (thread died, exec superseded it). */
    private void abandonPending(ThreadState t) {
        ThreadState.Pending p = t.pending;
        if (p == null) return;
        t.pending = null;
        decoder.resolveWithoutExit(t.tid, p.row(), p.abi(), p.raw(), p.args());
        emitSyscall(new SyscallEvent(p.ts(), t.tid, t.pid, p.abi(), p.nr(), 0, false, p.args()));
    }

    @Override
    public void spawned(Stop.Spawned s) {
        // The end of a pending fork-like call's duration (completeForkLike): read first, as
        // syscallExit reads its exit time, so it leaves out this handler's /proc reads.
        long eventTs = now();
        ThreadState parent = known(s.tid());
        SyscallEvent cloneWithoutEntryStop = parent.cloneFlagsKnown || s.event() == Ptrace.EVENT_VFORK
                ? null : forkLikeFromRegisters(parent, s.child());
        long flags;
        if (parent.cloneFlagsKnown) {
            flags = parent.lastCloneFlags;
        } else if (s.event() == Ptrace.EVENT_VFORK) {
            flags = Ptrace.CLONE_VM | Ptrace.CLONE_VFORK;
        } else if (s.event() == Ptrace.EVENT_CLONE) {
            long tgid = ProcReader.statusLong(s.child(), "Tgid", s.child());
            flags = tgid != s.child() ? Ptrace.CLONE_THREAD : 0;
        } else {
            flags = 0;
        }
        parent.cloneFlagsKnown = false;
        boolean thread = (flags & Ptrace.CLONE_THREAD) != 0;
        int childPid = thread ? parent.pid : s.child();
        ThreadState c = threads.get(s.child());
        counters.tracees.incrementAndGet();
        if (c == null) {
            c = new ThreadState(s.child(), childPid, ThreadState.Phase.AWAITING_FIRST_STOP);
            announce(c, parent, flags, thread);
            if (!detachInProgress) {
                threads.put(c.tid, c);
            } else if (ProcReader.statusLong(c.tid, "TracerPid", 0) == ProcessHandle.current().pid()) {
                // Still ours with its first stop to come (the stop is detached on arrival).
                c.phase = ThreadState.Phase.DETACHING;
                threads.put(c.tid, c);
            }
        } else if (c.phase == ThreadState.Phase.PARKED) {
            c.pid = childPid;
            announce(c, parent, flags, thread);
            unpark(c);
        } else if (!c.announced) {
            announce(c, parent, flags, thread);
        }
        if ((flags & Ptrace.CLONE_VFORK) == 0) {
            completeForkLike(parent, s.child(), eventTs);
        }
        if (cloneWithoutEntryStop != null) {
            emitSyscall(cloneWithoutEntryStop);
        }
        if (parent.phase == ThreadState.Phase.DETACHING) {
            detachNow(parent, 0);
        } else {
            resume(parent, 0);
        }
    }

    /**
     * A fork-like call that made no entry stop (a clone without the flags its filter condition
     * names, see the syscall table) is still in the parent's registers at its fork event: its
     * flags are recorded for the Spawn event and, when the call is reported, it becomes the
     * syscall event it would have been at its entry, with the child as result. Null when the
     * registers show no fork-like call (the older /proc fallback then finds the flags).
     */
    private SyscallEvent forkLikeFromRegisters(ThreadState parent, int child) {
        if (lib.pdig_syscall_regs(parent.tid, buf.address) != 0) return null;
        Abi abi = buf.get(StopBuffer.ARCH) == Ptrace.AUDIT_ARCH_I386 ? Abi.I386 : Abi.X86_64;
        int nr = (int) buf.get(StopBuffer.NR);
        Syscall row = SyscallTable.byNumber(abi, nr);
        if (row == null || !ForkLike.isForkLike(row)) return null;
        for (int i = 0; i < 6; i++) {
            raw[i] = buf.arg(i);
        }
        recordCloneFlags(parent, row, abi);
        if (!policy.reports(abi, nr)) return null;
        // Registers of an event stop: no stack pointer read (no fork-like row reads the stack).
        ArgValue[] args = decoder.decodeEntry(parent.tid, row, abi, raw, false, 0);
        decoder.cloneSucceeded(parent.tid, row, raw, args);
        return new SyscallEvent(now(), parent.tid, parent.pid, abi, nr, child, true, args);
    }

    /**
     * The clone event stop of a successful fork/vfork/clone/clone3 names the new task, which is
     * the call's whole result (no fork-like row has an exit-phase argument; clone's parent_tid,
     * which the kernel has written by now, is read here): the call is emitted
     * now and the parent resumed without its exit stop, one stop fewer per process or thread. A
     * fork-like call that fails makes no event stop and still ends with its exit stop. vfork keeps
     * its exit stop: the parent then sleeps until the child execs or exits, and the one hang seen while
     * closing a session (catalogue D3, once, not reproduced in nine reruns) had vfork's stop skipped.
     * <p>
     * The duration runs from the entry stop to this event stop ({@code eventTs}): the kernel has
     * made the child and is about to return in the parent, so it is the call's work less the last
     * step of its return, what strace -T shows up to a few microseconds. It never holds the child's
     * run: the child starts on its own, and its first stop is a separate one.
     */
    private void completeForkLike(ThreadState parent, int child, long eventTs) {
        ThreadState.Pending p = parent.pending;
        if (p == null || p.row() == null || !ForkLike.isForkLike(p.row()) || parent.denyErrno != 0) return;
        parent.pending = null;
        decoder.cloneSucceeded(parent.tid, p.row(), p.raw(), p.args());
        emitSyscall(new SyscallEvent(p.ts(), parent.tid, parent.pid, p.abi(), p.nr(), child, true, p.args(),
                Math.max(0, eventTs - p.ts())));
    }

    private void announce(ThreadState c, ThreadState parent, long flags, boolean thread) {
        if (c.announced) return;
        c.announced = true;
        emitProcess(new ProcessEvent.Spawn(now(), c.tid, c.pid, parent == null ? 0 : parent.tid,
                parent == null ? 0 : parent.pid, flags, thread));
    }

    @Override
    public void exec(Stop.Exec s) {
        // The event stop's time: the exec event's timestamp and the end of the pending exec's
        // duration (completeExec), read once, before the /proc snapshot.
        long eventTs = now();
        int leader = s.tid();
        int former = s.formerTid() > 0 ? s.formerTid() : leader;
        ThreadState t;
        if (former != leader) {
            // A non-leader thread exec'd: it takes over the leader's tid; the old leader vanishes
            // without an exit report, and its unfinished syscall is superseded.
            ThreadState old = threads.remove(leader);
            if (old != null) abandonPending(old);
            t = threads.remove(former);
            if (t == null) t = new ThreadState(leader, leader, ThreadState.Phase.RUNNING);
            t.tid = leader;
            threads.put(leader, t);
        } else {
            t = known(leader);
        }
        t.pid = leader;
        if (t.phase == ThreadState.Phase.DETACHING) {
            detachNow(t, 0);
            return;
        }
        emitProcess(ProcReader.execSnapshot(eventTs, leader, former, mem, layers, mountNamespaces));
        completeExec(t, eventTs);
        onExec(t);
        resume(t, 0);
    }

    /**
     * The exec event stop proves that the pending execve/execveat succeeded, and a successful exec
     * returns 0: the call is emitted now (after the Exec event, as its exit stop would have been)
     * and the thread resumes without that exit stop, one stop fewer per exec. A failed exec makes
     * no exec event and still ends with its exit stop.
     * <p>
     * The duration runs from the entry stop to this event stop ({@code eventTs}): the kernel has
     * loaded the new image, and the exec event comes just before the call returns into it, so it
     * is what strace -T shows less that return (microseconds).
     */
    private void completeExec(ThreadState t, long eventTs) {
        ThreadState.Pending p = t.pending;
        if (p == null || p.row() == null || !ExecLike.isExecLike(p.row()) || t.denyErrno != 0) return;
        t.pending = null;
        emitSyscall(new SyscallEvent(p.ts(), t.tid, t.pid, p.abi(), p.nr(), 0, true, p.args(), Math.max(0, eventTs - p.ts())));
    }

    /** Hook: the launch tracer learns here that its command started. */
    protected void onExec(ThreadState t) {
    }

    @Override
    public void groupStop(Stop.GroupStop s) {
        if (!threads.containsKey(s.tid())) {
            if (detachInProgress) {
                lib.pdig_ptrace(Ptrace.DETACH, s.tid(), 0, 0);
                return;
            }
            park(s.tid(), s.signo()); // a new child stopped by its group before its parent's event
            return;
        }
        ThreadState t = known(s.tid());
        if (t.phase == ThreadState.Phase.DETACHING || detachInProgress) {
            detachNow(t, 0); // the kernel keeps it group-stopped: a stopped process stays stopped
            return;
        }
        if (t.phase == ThreadState.Phase.PARKED) {
            return; // released (and listened) when its parent's event arrives
        }
        if (t.phase != ThreadState.Phase.LISTENING) {
            emitProcess(new ProcessEvent.Stopped(now(), t.tid, t.pid, s.signo()));
        }
        t.phase = ThreadState.Phase.LISTENING;
        lib.pdig_ptrace(Ptrace.LISTEN, t.tid, 0, 0);
    }

    @Override
    public void interrupt(Stop.Interrupt s) {
        ThreadState t = threads.get(s.tid());
        if (t == null) {
            if (detachInProgress) {
                lib.pdig_ptrace(Ptrace.DETACH, s.tid(), 0, 0); // a new child: nothing to learn from it now
                return;
            }
            park(s.tid(), 0);
            return;
        }
        if (t.phase == ThreadState.Phase.DETACHING || detachInProgress) {
            detachNow(t, 0);
            return;
        }
        if (t.phase == ThreadState.Phase.PARKED) {
            return;
        }
        if (t.phase == ThreadState.Phase.AWAITING_FIRST_STOP) {
            onFirstStop(t);
        }
        t.phase = ThreadState.Phase.RUNNING;
        resume(t, 0);
    }

    /**
     * A child whose first stop beat its parent's fork event: hold it stopped until the event. When
     * the process that made it is no longer traced (its creator was killed between making the child
     * and reporting the event, and that death is already handled), no event will come and no later
     * exit would release it: released at once then. Without this, such a child stayed stopped and
     * waitpid waited for it for good (a close during catalogue D3's vfork loop hung this way).
     */
    private void park(int tid, int groupStopSignal) {
        ThreadState t = new ThreadState(tid, -1, ThreadState.Phase.PARKED);
        t.parkedSince = stopCount;
        t.parkedGroupStop = groupStopSignal;
        threads.put(tid, t);
        parkedCount++;
        releaseStaleParked(true);
    }

    /**
     * After {@link #killAll} (fail-closed end), every tracee that still stops is killed there
     * instead of being handled: a child made just before the kill, unknown to killAll, would
     * otherwise be parked or resumed and outlive the session. Exits go on to their handlers.
     */
    private boolean killOnArrival(Stop s) {
        if (s instanceof Stop.Woken || s instanceof Stop.NoTracees) return false;
        if ((buf.get(StopBuffer.STATUS) & 0xff) != 0x7f) return false; // an exit, not a stop
        if (s instanceof Stop.Spawned x) lib.pdig_kill(x.child(), Ptrace.SIGKILL);
        // SIGKILL ends a task in a ptrace stop without resuming it; its exit is reported next.
        lib.pdig_kill((int) buf.get(StopBuffer.TID), Ptrace.SIGKILL);
        return true;
    }

    /** Lets a parked thread go: it continues, or stays in the group-stop it was parked in. */
    private void unpark(ThreadState c) {
        parkedCount--;
        if (detachInProgress) {
            detachNow(c, 0);
        } else if (c.parkedGroupStop != 0) {
            c.phase = ThreadState.Phase.LISTENING;
            emitProcess(new ProcessEvent.Stopped(now(), c.tid, c.pid, c.parkedGroupStop));
            lib.pdig_ptrace(Ptrace.LISTEN, c.tid, 0, 0);
        } else {
            c.phase = ThreadState.Phase.RUNNING;
            resume(c, 0);
        }
    }

    /** Hook: a seized or auto-attached thread's first stop. */
    protected void onFirstStop(ThreadState t) {
    }

    @Override
    public void signal(Stop.Signal s) {
        ThreadState t = known(s.tid());
        int signo = s.signo();
        counters.signals.incrementAndGet();
        if (buf.get(StopBuffer.SIG_RC) == 0) {
            emitProcess(new ProcessEvent.Signal(now(), t.tid, t.pid, signo, (int) buf.get(StopBuffer.SI_CODE),
                    (int) buf.get(StopBuffer.SI_PID), (int) buf.get(StopBuffer.SI_UID), new ProcessEvent.SiginfoRest(
                    buf.get(StopBuffer.SI_W24), buf.get(StopBuffer.SI_W32), buf.get(StopBuffer.SI_W40))));
        } else {
            emitProcess(new ProcessEvent.Signal(now(), t.tid, t.pid, signo, 0, 0, 0));
        }
        if (t.phase == ThreadState.Phase.DETACHING || detachInProgress) {
            detachNow(t, signo); // keep the signal: detach re-injects it
            return;
        }
        if (t.phase == ThreadState.Phase.LISTENING) {
            t.phase = ThreadState.Phase.RUNNING;
        }
        resume(t, signo);
    }

    @Override
    public void otherEvent(Stop.OtherEvent s) {
        ThreadState t = known(s.tid());
        if (t.phase == ThreadState.Phase.DETACHING || detachInProgress) {
            detachNow(t, 0);
            return;
        }
        resume(t, 0);
    }

    @Override
    public void exited(Stop.Exited s) {
        ended(s.tid(), s.code(), 0, false);
    }

    @Override
    public void killed(Stop.Killed s) {
        ended(s.tid(), -1, s.signo(), s.core());
    }

    private void ended(int tid, int code, int signo, boolean core) {
        ThreadState t = threads.remove(tid);
        int pid = tid;
        if (t != null) {
            if (t.phase == ThreadState.Phase.PARKED) parkedCount--;
            abandonPending(t);
            pid = t.pid > 0 ? t.pid : tid;
            emitProcess(new ProcessEvent.Exit(now(), tid, pid, signo == 0 ? code : 0, signo, core, tid != pid));
        }
        boolean lastOfUnseizedLeader = false;
        if (!unseizedLeaders.isEmpty() && unseizedLeaders.contains(pid) && tid != pid) {
            final int process = pid;
            if (threads.values().stream().noneMatch(x -> x.pid == process)) {
                unseizedLeaders.remove(pid);
                lastOfUnseizedLeader = true;
                // The process exit that a traced leader reports after its last thread (as in run
                // mode), with that thread's status: otherwise the process never ends in the trace.
                emitProcess(new ProcessEvent.Exit(now(), pid, pid, signo == 0 ? code : 0, signo, core, false));
            }
        }
        lastOfUnseizedLeader = lastOfUnseizedLeader && pid == mainPid;
        if ((tid == mainPid || lastOfUnseizedLeader) && !mainEnded) {
            mainEnded = true;
            session.mainEnded = true;
            mainTermination = signo == 0 ? Termination.exited(code) : Termination.killed(signo, core);
            mainEnded();
        }
        checkDetachDone();
    }

    @Override
    public void woken(Stop.Woken s) {
        // Commands run at the top of the loop.
    }

    @Override
    public void noTracees(Stop.NoTracees s) {
        finished = true;
    }

    // ---------------------------------------------------------------------------------------------
    // Actions

    /** Resumes a stopped thread; PTRACE_SYSCALL when its exit stop (or, attached, every stop) is wanted. */
    protected final void resume(ThreadState t, int signo) {
        int req = attachMode || t.wantsExitStop() ? Ptrace.SYSCALL : Ptrace.CONT;
        long r = lib.pdig_ptrace(req, t.tid, 0, signo);
        if (r < 0 && r != -Errno.ESRCH) {
            notice(t.tid, t.pid, NoticeEvent.Kind.TRACER_ERROR, "resume of " + t.tid + " failed: " + Errno.name((int) -r));
        }
        // ESRCH: the thread died (e.g. SIGKILL); its exit notification follows.
    }

    /** Makes the syscall at the current entry stop a no-op that returns ENOSYS. */
    private void deny(ThreadState t) {
        lib.pdig_ptrace(Ptrace.POKEUSER, t.tid, Ptrace.USER_ORIG_RAX, -1L);
    }

    /**
     * Records a fork-like call's flags for the Spawn event and strips CLONE_UNTRACED: the kernel would
     * otherwise create a child that escapes tracing (with our filter still installed).
     */
    private void recordCloneFlags(ThreadState t, Syscall row, Abi abi) {
        long flags;
        switch (row.name()) {
            case "clone": {
                flags = abi == Abi.I386 ? raw[0] & 0xffffffffL : raw[0];
                if ((flags & Ptrace.CLONE_UNTRACED) != 0) {
                    long stripped = flags & ~Ptrace.CLONE_UNTRACED;
                    lib.pdig_ptrace(Ptrace.POKEUSER, t.tid, abi == Abi.I386 ? Ptrace.USER_RBX : Ptrace.USER_RDI, stripped);
                    notice(t.tid, t.pid, NoticeEvent.Kind.REFUSED_SYSCALL, "CLONE_UNTRACED stripped from clone by " + t.tid);
                    raw[0] = stripped;
                }
                break;
            }
            case "clone3": {
                long addr = abi == Abi.I386 ? raw[0] & 0xffffffffL : raw[0];
                long[] w = mem.readWords(t.tid, addr, 1, 8);
                flags = w == null || w.length == 0 ? 0 : w[0];
                if ((flags & Ptrace.CLONE_UNTRACED) != 0) {
                    // Written in tracee memory: another thread could race us; documented in INTERNALS.md.
                    lib.pdig_ptrace(Ptrace.POKEDATA, t.tid, addr, flags & ~Ptrace.CLONE_UNTRACED);
                    notice(t.tid, t.pid, NoticeEvent.Kind.REFUSED_SYSCALL, "CLONE_UNTRACED stripped from clone3 by " + t.tid);
                }
                break;
            }
            case "vfork":
                flags = Ptrace.CLONE_VM | Ptrace.CLONE_VFORK;
                break;
            default:
                flags = 0;
                break;
        }
        t.lastCloneFlags = flags;
        t.cloneFlagsKnown = true;
    }

    /** Kills every tracee (fail-closed end); their exits arrive through the loop. */
    protected final void killAll() {
        killRequested = true;
        for (ThreadState t : new ArrayList<>(threads.values())) {
            lib.pdig_kill(t.tid, Ptrace.SIGKILL);
        }
        if (!mainEnded && mainPid > 0) {
            lib.pdig_kill(mainPid, Ptrace.SIGKILL);
        }
    }

    /** Interrupts every tracee; each is detached at its next stop. */
    protected final void startDetachAll() {
        if (detachInProgress) return;
        detachInProgress = true;
        for (ThreadState t : new ArrayList<>(threads.values())) {
            if (t.phase == ThreadState.Phase.PARKED) {
                parkedCount--;
                detachNow(t, 0);
            } else {
                t.phase = ThreadState.Phase.DETACHING;
                long r = lib.pdig_ptrace(Ptrace.INTERRUPT, t.tid, 0, 0);
                if (r == -Errno.ESRCH) {
                    // Gone already (its exit is queued) or not ours any more.
                    continue;
                }
            }
        }
        checkDetachDone();
    }

    private void detachNow(ThreadState t, int signo) {
        if (lib.pdig_ptrace(Ptrace.DETACH, t.tid, 0, signo) == 0) counters.detached.incrementAndGet();
        threads.remove(t.tid);
        notice(t.tid, t.pid, NoticeEvent.Kind.DETACHED, "detached from " + t.tid);
        checkDetachDone();
    }

    /**
     * Ends a detach once no known tracee is left, for launched commands only. An attached target is
     * not our child: there the loop goes on until waitpid says ECHILD, because a child forked just
     * before the detach may still be attached with its first stop (or its parent's fork event)
     * unreported; its stop then arrives and the unknown-tid paths detach it. A launched command is
     * our child, and waitpid would wait for it to exit, so there the known set decides.
     */
    private void checkDetachDone() {
        if (detachInProgress && threads.isEmpty() && !attachMode) {
            finished = true;
        }
    }

    /**
     * Releases parked threads whose fork event will never come: parked for too many stops, or (with
     * {@code afterExit}: after an exit, and when a thread is parked) no traced thread is left in the
     * process that could have created them (the parent was killed between creating the child and
     * reporting the event).
     */
    private void releaseStaleParked(boolean afterExit) {
        for (ThreadState t : new ArrayList<>(threads.values())) {
            if (t.phase != ThreadState.Phase.PARKED) continue;
            long tgid = ProcReader.statusLong(t.tid, "Tgid", t.tid);
            long ppid = ProcReader.statusLong(t.tid, "PPid", 0);
            boolean creatorTraced = false;
            if (afterExit) {
                for (ThreadState o : threads.values()) {
                    if (o.phase != ThreadState.Phase.PARKED && (o.pid == tgid || o.pid == ppid)) {
                        creatorTraced = true;
                        break;
                    }
                }
            }
            if ((afterExit && !creatorTraced) || stopCount - t.parkedSince > PARK_RELEASE_STOPS) {
                t.pid = (int) tgid;
                announce(t, null, 0, t.pid != t.tid);
                unpark(t);
            }
        }
    }

    /** The state of a thread that stopped; adopts unknown ones (e.g. CLONE_PTRACE children). */
    protected final ThreadState known(int tid) {
        ThreadState t = threads.get(tid);
        if (t == null) {
            t = new ThreadState(tid, (int) ProcReader.statusLong(tid, "Tgid", tid), ThreadState.Phase.RUNNING);
            // Adopted during a detach: every handler detaches a DETACHING thread at this stop.
            // An attach detach waits for ECHILD, so a straggler resumed here would keep it waiting.
            if (detachInProgress) t.phase = ThreadState.Phase.DETACHING;
            threads.put(tid, t);
            announce(t, null, 0, t.pid != tid);
            notice(tid, t.pid, NoticeEvent.Kind.INFO, "adopted unknown tracee " + tid);
        }
        return t;
    }

    // ---------------------------------------------------------------------------------------------
    // Emission (tracer thread only; the sink may block, which is back-pressure on the tracees)

    protected final long now() {
        return epochBase + (System.nanoTime() - nanoBase);
    }

    private void countUnreadable(ArgValue[] args) {
        for (ArgValue a : args) {
            if (a instanceof ArgValue.Unreadable) counters.unreadable.incrementAndGet();
            else if (a instanceof ArgValue.StrList l && l.unreadableItems().length > 0) counters.unreadable.incrementAndGet();
        }
    }

    private void emitSyscall(SyscallEvent e) {
        counters.syscallEvents.incrementAndGet();
        emit(e);
    }

    protected final void emitProcess(ProcessEvent e) {
        counters.processEvents.incrementAndGet();
        emit(e);
    }

    protected final void notice(int tid, int pid, NoticeEvent.Kind kind, String message) {
        counters.notices.incrementAndGet();
        emit(new NoticeEvent(now(), tid, pid, kind, 1, message));
    }

    private void emit(Event e) {
        sink.accept(e);
    }

    /** Names of the fork-like rows whose flags the tracer needs. */
    static final class ExecLike {
        private ExecLike() {
        }

        static boolean isExecLike(Syscall row) {
            String n = row.name();
            return n.equals("execve") || n.equals("execveat");
        }
    }

    static final class ForkLike {
        private ForkLike() {
        }

        static boolean isForkLike(Syscall row) {
            String n = row.name();
            return n.equals("clone") || n.equals("clone3") || n.equals("fork") || n.equals("vfork");
        }
    }
}
