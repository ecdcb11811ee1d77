package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallFlag;
import io.pdig.model.syscall.SyscallTable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the generated BPF program in a small classic-BPF interpreter, as the kernel would. */
class SeccompPolicyTest {

    static final int I386 = (int) Ptrace.AUDIT_ARCH_I386;
    static final long CLONE_UNTRACED = 0x00800000L;
    static final int X86_64 = (int) Ptrace.AUDIT_ARCH_X86_64;

    /** Executes the program on seccomp_data {nr, arch, args}; returns the action. */
    static int run(List<SeccompPolicy.Insn> prog, int arch, int nr, long... args) {
        int a = 0;
        int pc = 0;
        for (int steps = 0; steps < 10_000; steps++) {
            SeccompPolicy.Insn i = prog.get(pc);
            switch (i.code()) {
                case SeccompPolicy.LD_W_ABS:
                    a = i.k() == SeccompPolicy.OFF_NR ? nr : i.k() == SeccompPolicy.OFF_ARCH ? arch : argLow(args, i.k());
                    pc++;
                    break;
                case SeccompPolicy.JEQ_K:
                    pc += 1 + (a == i.k() ? i.jt() : i.jf());
                    break;
                case SeccompPolicy.JGE_K:
                    pc += 1 + (Integer.compareUnsigned(a, i.k()) >= 0 ? i.jt() : i.jf());
                    break;
                case SeccompPolicy.JGT_K:
                    pc += 1 + (Integer.compareUnsigned(a, i.k()) > 0 ? i.jt() : i.jf());
                    break;
                case SeccompPolicy.JSET_K:
                    pc += 1 + ((a & i.k()) != 0 ? i.jt() : i.jf());
                    break;
                case SeccompPolicy.JA:
                    pc += 1 + i.k();
                    break;
                case SeccompPolicy.RET_K:
                    return i.k();
                default:
                    return fail("opcode " + i.code());
            }
            assertTrue(i.jt() <= 255 && i.jf() <= 255, "8-bit jump offsets");
        }
        return fail("no return");
    }

    /** The low 32 bits of the argument at this seccomp_data offset (args start at 16, 8 bytes each). */
    private static int argLow(long[] args, int offset) {
        int index = (offset - SeccompPolicy.OFF_ARGS) / 8;
        if (offset < SeccompPolicy.OFF_ARGS || (offset - SeccompPolicy.OFF_ARGS) % 8 != 0 || index >= 6) {
            return fail("offset " + offset);
        }
        return index < args.length ? (int) args[index] : 0;
    }

    /** A plain fork or thread clone makes no entry stop (its fork event reports it); flagged ones do. */
    @Test
    void cloneStopsAtItsEntryOnlyForFlagsTheTracerMustSee() {
        List<SeccompPolicy.Insn> prog = SeccompPolicy.build(new TracePolicy(Set.of("openat"), false));
        int clone = SyscallTable.byName("clone").nr64();
        long forkFlags = 0x01200011L; // glibc fork(): CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD
        long threadFlags = 0x003d0f00L; // pthread_create on a clone-only glibc
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, X86_64, clone, forkFlags), "fork");
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, X86_64, clone, threadFlags), "thread");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, clone, forkFlags | 0x00800000L), "CLONE_UNTRACED");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, clone, 0x4111L), "CLONE_VFORK | CLONE_VM (posix_spawn)");
        for (long ns : new long[] {0x20000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000}) {
            assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, clone, forkFlags | ns), "namespace flag 0x" + Long.toHexString(ns));
        }
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, I386, SyscallTable.byName("clone").nr32(), forkFlags), "i386 fork");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, SyscallTable.byName("clone3").nr64(), 0, 88), "clone3: flags in memory");
        List<SeccompPolicy.Insn> all = SeccompPolicy.build(new TracePolicy(Set.of("openat"), true));
        assertEquals(SeccompPolicy.RET_TRACE, run(all, X86_64, clone, forkFlags), "--trace-exits: every clone");
        // A set the user named (--syscalls, -a) that holds clone stops at every clone, so that a
        // failed plain clone (no fork event) is seen; one that does not name clone keeps the rule.
        List<SeccompPolicy.Insn> named = SeccompPolicy.build(new TracePolicy(Set.of("clone"), false, true));
        assertEquals(SeccompPolicy.RET_TRACE, run(named, X86_64, clone, forkFlags), "named: every clone");
        assertEquals(SeccompPolicy.RET_TRACE, run(named, I386, SyscallTable.byName("clone").nr32(), forkFlags), "named: i386 too");
        List<SeccompPolicy.Insn> other = SeccompPolicy.build(new TracePolicy(Set.of("openat"), false, true));
        assertEquals(SeccompPolicy.RET_ALLOW, run(other, X86_64, clone, forkFlags), "named set without clone");
        List<SeccompPolicy.Insn> derived = SeccompPolicy.build(new TracePolicy(SyscallTable.defaultSet(), false, false));
        assertEquals(SeccompPolicy.RET_ALLOW, run(derived, X86_64, clone, forkFlags), "the default set: fork event only");
    }

    @Test
    void fcntlStopsOnlyForTheCommandsThatChangeTheFdTable() {
        List<SeccompPolicy.Insn> prog = SeccompPolicy.build(new TracePolicy(Set.of("fcntl", "openat"), false));
        int fcntl = SyscallTable.byName("fcntl").nr64();
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, fcntl, 5, 0), "F_DUPFD");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, fcntl, 5, 1030), "F_DUPFD_CLOEXEC");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, fcntl, 5, 2), "F_SETFD (close-on-exec)");
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, X86_64, fcntl, 5, 3), "F_GETFL");
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, X86_64, fcntl, 5, 1), "F_GETFD");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, SyscallTable.byName("openat").nr64()), "after the block");
        int fcntl32 = SyscallTable.byName("fcntl").nr32();
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, I386, fcntl32, 5, 3), "i386 F_GETFL");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, I386, fcntl32, 5, 1030), "i386 F_DUPFD_CLOEXEC");

        // Named by the user (--syscalls fcntl): every command stops, with its exit.
        TracePolicy named = new TracePolicy(Set.of("fcntl", "openat"), false, true);
        List<SeccompPolicy.Insn> every = SeccompPolicy.build(named);
        assertEquals(SeccompPolicy.RET_TRACE, run(every, X86_64, fcntl, 5, 3), "F_GETFL when named");
        assertEquals(SeccompPolicy.RET_TRACE, run(every, I386, fcntl32, 5, 1), "i386 F_GETFD when named");
        assertTrue(named.wantsExit(Abi.X86_64, fcntl, new long[] {5, 3, 0, 0, 0, 0}), "F_GETFL's result");
        assertTrue(new TracePolicy(Set.of("close"), false, true).wantsExit(Abi.X86_64, SyscallTable.byName("close").nr64()),
                "close's result when named");
        assertFalse(new TracePolicy(Set.of("close"), false).wantsExit(Abi.X86_64, SyscallTable.byName("close").nr64()),
                "close's result is skipped in a derived set");
    }

    private static int fail(String why) {
        throw new AssertionError(why);
    }

    @Test
    void archIsCheckedFirstSoI386NumbersAreNotMistakenForX8664() {
        List<SeccompPolicy.Insn> prog = SeccompPolicy.build(new TracePolicy(Set.of("open", "openat"), false));
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, I386, 5), "i386 open");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, 257), "x86_64 openat");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, 2), "x86_64 open");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, I386, 295), "i386 openat");
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, X86_64, 5), "x86_64 fstat=5 is not traced");
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, I386, 108), "i386 fstat");
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, X86_64, 39), "getpid");
    }

    @Test
    void x32UnknownArchAndNumbersAboveTheTableAreNeverAllowedSilently() {
        List<SeccompPolicy.Insn> prog = SeccompPolicy.build(new TracePolicy(Set.of("openat"), false));
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, Abi.X32_SYSCALL_BIT | 39), "x32 getpid");
        assertEquals(SeccompPolicy.RET_KILL_PROCESS, run(prog, 0xC00000B7, 56), "aarch64 arch");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, 0x3fffffff), "unknown number");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, I386, 9999), "unknown i386 number");
        assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, -1), "nr -1");
    }

    @Test
    void evasionPathsAndProcessCallsAreAlwaysTraced() {
        List<SeccompPolicy.Insn> prog = SeccompPolicy.build(new TracePolicy(Set.of(), false));
        for (String n : List.of("seccomp", "io_uring_setup", "ptrace", "process_vm_writev", "clone", "clone3", "fork",
                "vfork", "execve", "execveat")) {
            // A clone stops with the flags the tracer must act on (here CLONE_UNTRACED); the
            // argument means nothing to the other rows.
            int nr = SyscallTable.byName(n).nr64();
            assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, nr, CLONE_UNTRACED), n);
            int nr32 = SyscallTable.byName(n).nr32();
            if (nr32 >= 0) assertEquals(SeccompPolicy.RET_TRACE, run(prog, I386, nr32, CLONE_UNTRACED), n + " (i386)");
        }
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, X86_64, SyscallTable.byName("openat").nr64()));
    }

    @Test
    void theDefaultSetFitsAndEveryRowOfItIsTraced() {
        TracePolicy policy = new TracePolicy(SyscallTable.defaultSet(), false);
        List<SeccompPolicy.Insn> prog = SeccompPolicy.build(policy);
        assertTrue(prog.size() < 4096);
        assertEquals(prog.size() * 8, SeccompPolicy.encode(prog).length);
        for (String n : SyscallTable.defaultSet()) {
            var row = SyscallTable.byName(n);
            if (row.nr64() >= 0) assertEquals(SeccompPolicy.RET_TRACE, run(prog, X86_64, row.nr64(), CLONE_UNTRACED), n);
            if (row.nr32() >= 0) assertEquals(SeccompPolicy.RET_TRACE, run(prog, I386, row.nr32(), CLONE_UNTRACED), n);
        }
        assertEquals(SeccompPolicy.RET_ALLOW, run(prog, X86_64, SyscallTable.byName("read").nr64()));
    }

    @Test
    void i386OnlyVariantsOfARequestedCallAreTracedToo() {
        List<SeccompPolicy.Insn> prog = SeccompPolicy.build(new TracePolicy(Set.of("setuid", "chown", "fcntl", "umount2"), false));
        for (String n : List.of("setuid32", "chown32", "fcntl64", "umount", "setuid", "chown", "fcntl")) {
            int nr32 = SyscallTable.byName(n).nr32();
            assertEquals(SeccompPolicy.RET_TRACE, run(prog, I386, nr32), n + " (i386 " + nr32 + ")");
        }
        TracePolicy p = new TracePolicy(Set.of("setuid"), false);
        assertTrue(p.reports(Abi.I386, SyscallTable.byName("setuid32").nr32()));
        assertEquals(Set.of("setuid"), p.requested());
        assertFalse(p.reports(Abi.I386, SyscallTable.byName("getuid32").nr32()));
    }

    @Test
    void exitStopsAreSkippedOnlyForSkipExitRowsWithoutExitReads() {
        TracePolicy p = new TracePolicy(Set.of("close", "openat", "pipe2"), false);
        assertFalse(p.wantsExit(Abi.X86_64, SyscallTable.byName("close").nr64()));
        assertTrue(p.wantsExit(Abi.X86_64, SyscallTable.byName("openat").nr64()));
        assertTrue(p.wantsExit(Abi.X86_64, SyscallTable.byName("pipe2").nr64()));
        TracePolicy all = new TracePolicy(Set.of("close"), true);
        assertTrue(all.wantsExit(Abi.X86_64, SyscallTable.byName("close").nr64()));
        // fcntl: the exit only for the commands that return a new fd.
        int fcntl = SyscallTable.byName("fcntl").nr64();
        TracePolicy f = new TracePolicy(Set.of("fcntl"), false);
        assertTrue(f.wantsExit(Abi.X86_64, fcntl, new long[] {3, 1030, 0, 0, 0, 0}), "F_DUPFD_CLOEXEC");
        assertTrue(f.wantsExit(Abi.X86_64, fcntl, new long[] {3, 0, 0, 0, 0, 0}), "F_DUPFD");
        assertFalse(f.wantsExit(Abi.X86_64, fcntl, new long[] {3, 2, 1, 0, 0, 0}), "F_SETFD");
        assertTrue(f.wantsExit(Abi.X86_64, fcntl, new long[] {3, 0xffffffff00000406L, 0, 0, 0, 0}),
                "the low 32 bits decide, as in the filter");
        assertTrue(new TracePolicy(Set.of("fcntl"), true).wantsExit(Abi.X86_64, fcntl, new long[] {3, 2, 1, 0, 0, 0}),
                "--trace-exits keeps F_SETFD's exit");
        assertFalse(p.wantsExit(Abi.X86_64, SyscallTable.byName("close").nr64(), new long[6]));
        assertThrows(IllegalArgumentException.class, () -> new TracePolicy(Set.of("no_such_call"), false));
    }

    @Test
    void fdNumbersAreStableOnlyWhenEveryCallThatReplacesOneStops() {
        Set<String> flagged = new java.util.TreeSet<>();
        for (Syscall s : SyscallTable.all()) if (s.has(SyscallFlag.REPLACES_FD)) flagged.add(s.name());
        assertEquals(Set.of("close", "close_range", "dup2", "dup3"), flagged);
        assertTrue(new TracePolicy(SyscallTable.defaultSet(), false).stopsEveryFdReplacement());
        assertTrue(new TracePolicy(Set.of("close", "close_range", "dup2", "dup3"), false).stopsEveryFdReplacement());
        assertFalse(new TracePolicy(Set.of("openat"), false).stopsEveryFdReplacement());
        assertFalse(new TracePolicy(Set.of("close", "close_range", "dup2"), false).stopsEveryFdReplacement(),
                "dup3 unseen");
        assertFalse(new TracePolicy(Set.of("openat", "dup2", "dup3", "close_range"), true).stopsEveryFdReplacement(),
                "close unseen, even with every exit traced");
    }

    /**
     * The program against the policy it was built from, for every number of both ABIs (and some
     * beyond the table): a stopped number traces (when its condition holds, for each value the
     * condition names and for one it does not), any other number is allowed, a number above the
     * table is traced. Several sets: the default one with and without every exit, all rows, none,
     * one, and a few with conditions.
     */
    @Test
    void everyNumberGetsWhatThePolicySaysForSetsOfEveryShape() {
        List<TracePolicy> policies = List.of(
                new TracePolicy(SyscallTable.defaultSet(), false),
                new TracePolicy(SyscallTable.defaultSet(), true),
                new TracePolicy(allNames(), false),
                new TracePolicy(Set.of(), false),
                new TracePolicy(Set.of("openat"), false),
                new TracePolicy(Set.of("read", "write", "fcntl", "openat", "close", "connect", "getppid"), false),
                new TracePolicy(allNames(), false, true),
                new TracePolicy(Set.of("fcntl", "clone", "close"), false, true));
        for (TracePolicy policy : policies) {
            List<SeccompPolicy.Insn> prog = SeccompPolicy.build(policy);
            for (Abi abi : List.of(Abi.X86_64, Abi.I386)) {
                int arch = abi == Abi.I386 ? I386 : X86_64;
                int max = policy.maxKnown(abi);
                for (int nr = 0; nr <= max + 3; nr++) {
                    for (long[] args : argumentsFor(policy.stopCondition(abi, nr))) {
                        assertEquals(expected(policy, abi, nr, args), run(prog, arch, nr, args),
                                abi + " nr " + nr + " args " + java.util.Arrays.toString(args) + " in " + policy.requested());
                    }
                }
                for (int nr : new int[] {max + 100, 0x3fffffff, 0x7fffffff, -1}) {
                    assertEquals(SeccompPolicy.RET_TRACE, run(prog, arch, nr), abi + " nr " + nr);
                }
            }
        }
    }

    private static Set<String> allNames() {
        Set<String> names = new java.util.TreeSet<>();
        for (Syscall s : SyscallTable.all()) names.add(s.name());
        return names;
    }

    /** Argument vectors that exercise a stop condition: each value it names, its bits, and neither. */
    private static List<long[]> argumentsFor(io.pdig.model.syscall.StopCondition cond) {
        List<long[]> out = new java.util.ArrayList<>();
        out.add(new long[6]);
        if (cond == null) return out;
        for (long v : cond.values()) {
            long[] a = new long[6];
            a[cond.argIndex()] = v;
            out.add(a);
        }
        if (cond.anyOfBits() != 0) {
            long[] a = new long[6];
            a[cond.argIndex()] = cond.anyOfBits();
            out.add(a);
            long[] b = new long[6];
            b[cond.argIndex()] = Long.lowestOneBit(cond.anyOfBits());
            out.add(b);
        }
        long[] other = new long[6];
        other[cond.argIndex()] = 0x7654321;
        out.add(other);
        return out;
    }

    private static int expected(TracePolicy policy, Abi abi, int nr, long[] args) {
        if (nr > policy.maxKnown(abi)) return SeccompPolicy.RET_TRACE;
        if (!policy.stops(abi, nr)) return SeccompPolicy.RET_ALLOW;
        io.pdig.model.syscall.StopCondition cond = policy.stopCondition(abi, nr);
        return cond == null || cond.matches(args) ? SeccompPolicy.RET_TRACE : SeccompPolicy.RET_ALLOW;
    }
}
