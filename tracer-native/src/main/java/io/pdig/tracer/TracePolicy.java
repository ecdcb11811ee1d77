package io.pdig.tracer;

import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.StopCondition;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallFlag;
import io.pdig.model.syscall.SyscallTable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which syscalls the driver stops on, reports and waits for the exit of, per ABI. Built once from
 * the table rows and the requested set; immutable and shared by the seccomp filter builder and the
 * tracer loop.
 */
public final class TracePolicy {

    /**
     * Stopped on and reported whatever the requested set: each is a way to escape or blind a
     * seccomp/ptrace monitor (facts.md "Evasion paths").
     */
    public static final Set<String> ALWAYS_REPORTED = Set.of("seccomp", "io_uring_setup", "ptrace", "process_vm_writev");

    /** Stopped on whatever the set (the tracer needs their arguments), reported only when requested. */
    public static final Set<String> ALWAYS_STOPPED = Set.of("clone", "clone3", "fork", "vfork", "execve", "execveat");

    private static final int SIZE = 1024;

    private final boolean[] stop64 = new boolean[SIZE];
    private final boolean[] stop32 = new boolean[SIZE];
    private final boolean[] report64 = new boolean[SIZE];
    private final boolean[] report32 = new boolean[SIZE];
    private final boolean[] exit64 = new boolean[SIZE];
    private final boolean[] exit32 = new boolean[SIZE];
    private final StopCondition[] cond64 = new StopCondition[SIZE];
    private final StopCondition[] cond32 = new StopCondition[SIZE];
    private final StopCondition[] exitCond64 = new StopCondition[SIZE];
    private final StopCondition[] exitCond32 = new StopCondition[SIZE];
    private final int max64;
    private final int max32;
    private final Set<String> requested;

    /** A policy that may narrow the requested rows by their arguments (see the other constructor). */
    public TracePolicy(Set<String> requested, boolean traceExits) {
        this(requested, traceExits, false);
    }

    /**
     * @param requested  names of syscalls to report (unknown names are a setup error)
     * @param traceExits stop at the exit even for rows flagged SKIP_EXIT
     * @param everyCall  the user named these syscalls (--syscalls, -a): every call of each is
     *                   stopped and its result seen, as strace would show it. Otherwise a row may
     *                   stop only for the argument values pdig's state needs (fcntl: its dup and
     *                   F_SETFD commands) and skip results nothing reads (close). The fork-like
     *                   rows keep their own rule either way (reported from the fork event).
     */
    public TracePolicy(Set<String> requested, boolean traceExits, boolean everyCall) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : requested) {
            if (SyscallTable.byName(n) == null) {
                throw new IllegalArgumentException("unknown syscall name: " + n);
            }
            names.add(n);
        }
        this.requested = Set.copyOf(names);
        names.addAll(i386Variants(names));
        int m64 = 0;
        int m32 = 0;
        for (Syscall s : SyscallTable.all()) {
            m64 = Math.max(m64, s.nr64());
            m32 = Math.max(m32, s.nr32());
            boolean report = names.contains(s.name()) || ALWAYS_REPORTED.contains(s.name());
            boolean stop = report || ALWAYS_STOPPED.contains(s.name());
            // socketcall multiplexes i386 network calls: stop on it when any network row is wanted.
            if (s.name().equals("socketcall")) {
                for (String n : names) {
                    if (SyscallTable.byName(n).has(SyscallFlag.NETWORK)) {
                        stop = report = true;
                        break;
                    }
                }
            }
            boolean named = everyCall && names.contains(s.name()) && !ALWAYS_STOPPED.contains(s.name());
            boolean exit = report && (traceExits || named || !s.has(SyscallFlag.SKIP_EXIT) || s.needsExitRead());
            // Evasion paths keep every call. Others may stop only for some argument values; a row
            // the tracer always stops on (clone) keeps every call with --trace-exits or when the
            // user named it, so that a failed plain clone (which makes no fork event) is seen
            // then. A derived set (everyCall false) keeps the condition: no entry stop per fork.
            boolean stopsEveryEntry = ALWAYS_STOPPED.contains(s.name()) && (traceExits || everyCall && names.contains(s.name()));
            StopCondition cond = ALWAYS_REPORTED.contains(s.name()) || stopsEveryEntry
                    || named ? null : s.stopOnlyWhen();
            if (s.nr64() >= 0) cond64[s.nr64()] = cond;
            if (s.nr32() >= 0) cond32[s.nr32()] = cond;
            // --trace-exits keeps every exit, as for SKIP_EXIT rows.
            StopCondition exitCond = traceExits || named ? null : s.exitOnlyWhen();
            if (s.nr64() >= 0) exitCond64[s.nr64()] = exitCond;
            if (s.nr32() >= 0) exitCond32[s.nr32()] = exitCond;
            if (s.nr64() >= 0) {
                stop64[s.nr64()] = stop;
                report64[s.nr64()] = report;
                exit64[s.nr64()] = exit;
            }
            if (s.nr32() >= 0) {
                stop32[s.nr32()] = stop;
                report32[s.nr32()] = report;
                exit32[s.nr32()] = exit;
            }
        }
        this.max64 = m64;
        this.max32 = m32;
    }

    /**
     * i386 has rows of its own for some calls (setuid32, chown32, fcntl64, mmap2, umount...): a
     * request for the x86_64 name also covers them, so a 32-bit tracee cannot step around the set.
     */
    static Set<String> i386Variants(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            for (String v : new String[] {n + "32", n + "64", n + "_time64", I386_ALIASES.getOrDefault(n, "")}) {
                Syscall row = v.isEmpty() ? null : SyscallTable.byName(v);
                if (row != null && row.nr64() < 0 && row.nr32() >= 0) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static final java.util.Map<String, String> I386_ALIASES = java.util.Map.of(
            "umount2", "umount", "mmap", "mmap2", "wait4", "waitpid", "newfstatat", "fstatat64",
            "stat", "stat64", "lstat", "lstat64", "fstat", "fstat64", "lseek", "_llseek", "sendfile", "sendfile64");

    public Set<String> requested() {
        return requested;
    }

    /**
     * Whether every call flagged {@link SyscallFlag#REPLACES_FD} in the table (close, close_range,
     * dup2, dup3) stops its thread before it runs, whatever its arguments, in each ABI that has
     * it. Then, until the tracer handles its next stop, no fd number of a tracee can change
     * meaning (exec's close-on-exec is the other way, and exec-like calls always stop), and
     * /proc/PID/fd/N may be read after the thread that opened N has resumed. The default set stops
     * them all; a narrower --syscalls may not.
     */
    public boolean stopsEveryFdReplacement() {
        for (Syscall row : SyscallTable.all()) {
            if (!row.has(SyscallFlag.REPLACES_FD)) continue;
            if (row.nr64() >= 0 && (!stops(Abi.X86_64, row.nr64()) || stopCondition(Abi.X86_64, row.nr64()) != null)) return false;
            if (row.nr32() >= 0 && (!stops(Abi.I386, row.nr32()) || stopCondition(Abi.I386, row.nr32()) != null)) return false;
        }
        return true;
    }

    /** Highest syscall number the table knows for the ABI; numbers above it are always stopped on. */
    public int maxKnown(Abi abi) {
        return abi == Abi.I386 ? max32 : max64;
    }

    /**
     * When the filter should stop on this number only for some values of one argument, that
     * condition; null when every call of a stopped number stops.
     */
    public StopCondition stopCondition(Abi abi, int nr) {
        if (nr < 0 || nr > maxKnown(abi) || nr >= SIZE) return null;
        return (abi == Abi.I386 ? cond32 : cond64)[nr];
    }

    /** The filter returns RET_TRACE for this number (see also {@link #stopCondition}). */
    public boolean stops(Abi abi, int nr) {
        if (nr < 0 || nr > maxKnown(abi)) return true;
        return (abi == Abi.I386 ? stop32 : stop64)[nr];
    }

    /** A SyscallEvent is emitted for this number (numbers unknown to the table always are). */
    public boolean reports(Abi abi, int nr) {
        if (nr < 0 || nr >= SIZE) return true;
        if (SyscallTable.byNumber(abi == Abi.I386 ? Abi.I386 : Abi.X86_64, nr) == null) return true;
        return (abi == Abi.I386 ? report32 : report64)[nr];
    }

    /**
     * The exit stop of this call is needed: {@link #wantsExit(Abi, int)}, narrowed by the row's
     * exit condition on the call's arguments (fcntl needs the result of F_DUPFD, not of F_SETFD).
     */
    public boolean wantsExit(Abi abi, int nr, long[] args) {
        if (!wantsExit(abi, nr)) return false;
        if (nr < 0 || nr >= SIZE) return true; // numbers outside the table (syscall(-1) is -1 here)
        StopCondition c = (abi == Abi.I386 ? exitCond32 : exitCond64)[nr];
        return c == null || c.matches(args);
    }

    /** The exit stop is needed (result or an exit-phase argument); unknown numbers want it. */
    public boolean wantsExit(Abi abi, int nr) {
        if (nr < 0 || nr >= SIZE) return true;
        if (SyscallTable.byNumber(abi == Abi.I386 ? Abi.I386 : Abi.X86_64, nr) == null) return true;
        return (abi == Abi.I386 ? exit32 : exit64)[nr];
    }
}
