package io.pdig.analyzer.state;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Syscall;

/**
 * The one writer of the state tables. For each event, in journal order: {@link #beginEvent()}
 * applies the removals deferred by the previous event, then {@link #apply} updates the tables
 * and fills the {@link EventContext} (process and fd of the event) that rules evaluate against.
 * Not thread-safe: confined to the analyzer's event thread.
 */
public final class StateUpdater {
    private final StateTables tables;
    private final Deferred deferred = new Deferred();
    private final ProcessStateHandler processes;
    private final FdStateHandler files;
    private final SocketStateHandler sockets = new SocketStateHandler();
    private final EventFdShapes shapes = new EventFdShapes();

    public StateUpdater(StateTables tables) {
        this.tables = tables;
        this.processes = new ProcessStateHandler(tables, deferred);
        this.files = new FdStateHandler(deferred);
    }

    public StateTables tables() {
        return tables;
    }

    /** Applies the removals deferred by the previous event (close, exit). */
    public void beginEvent() {
        deferred.apply();
    }

    /** Number of removals waiting for the next event (for tests and diagnostics). */
    public int pendingRemovals() {
        return deferred.size();
    }

    /** Updates the tables with the event and sets {@code ctx} to it. */
    public void apply(long seq, Event e, EventContext ctx) {
        ProcessInfo proc = null;
        FdInfo fd = null;
        if (e instanceof SyscallEvent s0) {
            proc = tables.processOrPlaceholder(s0.pid());
            SyscallEvent s = completedExec(s0, proc);
            e = s;
            if (!sockets.apply(s, proc, seq)) {
                files.apply(s, proc);
            }
            processes.syscall(s, proc);
            fd = eventFd(s, proc);
        } else if (e instanceof ProcessEvent pe) {
            if (pe instanceof ProcessEvent.Spawn sp) {
                processes.spawn(sp);
            } else if (pe instanceof ProcessEvent.Exec ex) {
                processes.exec(ex);
            } else if (pe instanceof ProcessEvent.Exit x) {
                processes.exit(x);
            }
            proc = tables.process(pe.pid());
        } else if (e instanceof SessionEvent.Start st) {
            processes.start(st);
        } else if (e instanceof NoticeEvent || e instanceof SessionEvent.End) {
            proc = tables.process(e.pid());
        }
        ctx.set(seq, e, proc, fd, tables);
    }

    /**
     * A successful exec whose exit stop the tracer did not see ("exec superseded") still returned
     * 0 in Falco's view; the Exec event just before it proves the success, so rules see res 0.
     */
    private static SyscallEvent completedExec(SyscallEvent s, ProcessInfo p) {
        if (s.hasResult() || !p.execPending || !(s.name().equals("execve") || s.name().equals("execveat"))) {
            return s;
        }
        return new SyscallEvent(s.ts(), s.tid(), s.pid(), s.abi(), s.nr(), 0, true, s.args());
    }

    /**
     * The fd an event is about, as libsinsp picks it: the new fd of a successful fd-creating call,
     * the old fd of a dup, otherwise the call's first fd argument; a failed open gets a detached
     * entry (fd.num -1) named from its path argument.
     */
    FdInfo eventFd(SyscallEvent s, ProcessInfo p) {
        Syscall row = s.syscall();
        if (row == null) {
            return null;
        }
        EventFdShapes.Shape shape = shapes.of(s, row);
        if (s.hasResult() && s.failed() && shape.openCall) {
            return FdStateHandler.failedOpen(s, p);
        }
        ArgValue[] args = s.args();
        if (shape.dupsFd) {
            ArgValue old = arg(args, shape.oldFdArg) != null ? arg(args, shape.oldFdArg) : arg(args, shape.fdArg);
            return old instanceof ArgValue.Num n ? p.fds.get((int) n.value()) : null;
        }
        if (shape.returnsFd && s.hasResult() && !s.failed()) {
            return p.fds.get((int) s.res());
        }
        for (int i : shape.fdKindArgs) {
            if (i >= args.length) {
                break;
            }
            if (args[i] instanceof ArgValue.Num n) {
                return n.value() >= 0 && n.value() <= Integer.MAX_VALUE ? p.fds.get((int) n.value()) : null;
            }
        }
        return null;
    }

    private static ArgValue arg(ArgValue[] args, int i) {
        return i >= 0 && i < args.length ? args[i] : null;
    }
}
