package io.pdig.tracer;

/**
 * What one waitpid() result means: the closed set of stop kinds the tracer loop dispatches on
 * ("next() then dispatch()"). {@link Handler} has one method per kind, so adding a kind without
 * handling it does not compile (Java 17's exhaustive dispatch for a sealed hierarchy).
 *
 * <p>Syscall register details (number, arguments, result) stay in the {@link StopBuffer} and are read
 * by the handler while the stop is current.
 */
sealed interface Stop {

    <E extends Exception> void dispatchTo(Handler<E> h) throws E;

    /** One method per stop kind. */
    interface Handler<E extends Exception> {
        void exited(Exited s) throws E;

        void killed(Killed s) throws E;

        void seccomp(Seccomp s) throws E;

        void syscallEntry(SyscallEntry s) throws E;

        void syscallExit(SyscallExit s) throws E;

        void spawned(Spawned s) throws E;

        void exec(Exec s) throws E;

        void groupStop(GroupStop s) throws E;

        void interrupt(Interrupt s) throws E;

        void signal(Signal s) throws E;

        void otherEvent(OtherEvent s) throws E;

        void woken(Woken s) throws E;

        void noTracees(NoTracees s) throws E;
    }

    /** The thread exited normally (WIFEXITED). */
    record Exited(int tid, int code) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.exited(this);
        }
    }

    /** The thread was killed by a signal (WIFSIGNALED). */
    record Killed(int tid, int signo, boolean core) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.killed(this);
        }
    }

    /** PTRACE_EVENT_SECCOMP: the filter returned RET_TRACE; syscall entry data is in the buffer. */
    record Seccomp(int tid) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.seccomp(this);
        }
    }

    /** Syscall-entry stop (PTRACE_SYSCALL, attach mode). */
    record SyscallEntry(int tid) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.syscallEntry(this);
        }
    }

    /** Syscall-exit stop; the return value is in the buffer. */
    record SyscallExit(int tid) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.syscallExit(this);
        }
    }

    /** PTRACE_EVENT_FORK/VFORK/CLONE in the parent; {@code child} is the new tid. */
    record Spawned(int tid, int event, int child) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.spawned(this);
        }
    }

    /** PTRACE_EVENT_EXEC; {@code tid} is the thread group leader, {@code formerTid} the thread that called exec. */
    record Exec(int tid, int formerTid) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.exec(this);
        }
    }

    /** PTRACE_EVENT_STOP with a stop signal: a true group-stop. */
    record GroupStop(int tid, int signo) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.groupStop(this);
        }
    }

    /** PTRACE_EVENT_STOP with SIGTRAP: a new child's first stop, or our PTRACE_INTERRUPT, or a SIGCONT after LISTEN. */
    record Interrupt(int tid) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.interrupt(this);
        }
    }

    /** Signal-delivery-stop; siginfo is in the buffer. */
    record Signal(int tid, int signo) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.signal(this);
        }
    }

    /** Any other ptrace event (VFORK_DONE, EXIT) we did not ask for. */
    record OtherEvent(int tid, int event, int signo) implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.otherEvent(this);
        }
    }

    /** waitpid() was interrupted by the wake signal: a command is queued. */
    record Woken() implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.woken(this);
        }
    }

    /** waitpid() said ECHILD: no tracee and no child left; the session is over. */
    record NoTracees() implements Stop {
        public <E extends Exception> void dispatchTo(Handler<E> h) throws E {
            h.noTracees(this);
        }
    }

    /** Decodes the buffer pdig_next() just filled (rc is its return value). */
    static Stop decode(int rc, StopBuffer b) {
        if (rc == -Errno.EINTR) {
            return new Woken();
        }
        if (rc == -Errno.ECHILD) {
            return new NoTracees();
        }
        if (rc < 0) {
            throw new Errno.NativeException("waitpid: " + Errno.message(-rc), -rc);
        }
        int tid = rc;
        int st = (int) b.get(StopBuffer.STATUS);
        if ((st & 0x7f) == 0) {
            return new Exited(tid, (st >> 8) & 0xff);
        }
        if ((st & 0xff) != 0x7f) {
            return new Killed(tid, st & 0x7f, (st & 0x80) != 0);
        }
        int sig = (st >> 8) & 0xff;
        int event = (st >>> 16) & 0xffff;
        if (sig == (Ptrace.SIGTRAP | 0x80)) {
            int op = (int) b.get(StopBuffer.OP);
            return op == Ptrace.SYSCALL_INFO_EXIT ? new SyscallExit(tid) : new SyscallEntry(tid);
        }
        switch (event) {
            case 0:
                return new Signal(tid, sig);
            case Ptrace.EVENT_SECCOMP:
                return new Seccomp(tid);
            case Ptrace.EVENT_FORK:
            case Ptrace.EVENT_VFORK:
            case Ptrace.EVENT_CLONE:
                return new Spawned(tid, event, (int) b.get(StopBuffer.EVENTMSG));
            case Ptrace.EVENT_EXEC:
                return new Exec(tid, (int) b.get(StopBuffer.EVENTMSG));
            case Ptrace.EVENT_STOP:
                return Ptrace.isStopSignal(sig) ? new GroupStop(tid, sig) : new Interrupt(tid);
            default:
                return new OtherEvent(tid, event, sig);
        }
    }
}
