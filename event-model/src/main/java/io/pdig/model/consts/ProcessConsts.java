package io.pdig.model.consts;

/** Process, namespace and security-call constants: clone flags, ptrace, prctl, seccomp, bpf. */
public final class ProcessConsts {

    /** stack_t's ss_flags (sigaltstack), by value as strace orders them. */
    public static final FlagSet SS_FLAGS = FlagSet.parse("sigaltstack flags", """
            SS_ONSTACK 1
            SS_DISABLE 2
            SS_AUTODISARM 0x80000000
            """);

    /** Mask of the exit signal in clone()'s flags. */
    public static final long CSIGNAL = 0xff;
    public static final long CLONE_THREAD = 0x10000;
    public static final long CLONE_UNTRACED = 0x800000;

    private static final String CLONE_BITS = """
            CLONE_VM 0x100
            CLONE_FS 0x200
            CLONE_FILES 0x400
            CLONE_SIGHAND 0x800
            CLONE_PIDFD 0x1000
            CLONE_PTRACE 0x2000
            CLONE_VFORK 0x4000
            CLONE_PARENT 0x8000
            CLONE_THREAD 0x10000
            CLONE_NEWNS 0x20000
            CLONE_SYSVSEM 0x40000
            CLONE_SETTLS 0x80000
            CLONE_PARENT_SETTID 0x100000
            CLONE_CHILD_CLEARTID 0x200000
            CLONE_DETACHED 0x400000
            CLONE_UNTRACED 0x800000
            CLONE_CHILD_SETTID 0x1000000
            CLONE_NEWCGROUP 0x2000000
            CLONE_NEWUTS 0x4000000
            CLONE_NEWIPC 0x8000000
            CLONE_NEWUSER 0x10000000
            CLONE_NEWPID 0x20000000
            CLONE_NEWNET 0x40000000
            CLONE_IO 0x80000000
            """;

    /** clone() flags: the bits, then the exit signal of the low byte by name (…|SIGCHLD). */
    public static final FlagSet CLONE_FLAGS = FlagSet.builder("clone flags", CLONE_BITS)
            .field(CSIGNAL, Signals.TABLE, FlagSet.FieldAt.LAST, false).build();

    /**
     * clone3() clone_args.flags: no signal byte (exit_signal is its own field), so 0x80 is
     * CLONE_NEWTIME, and two 64-bit-only flags exist.
     */
    public static final FlagSet CLONE3_FLAGS = FlagSet.parse("clone3 flags", CLONE_BITS + """
            CLONE_NEWTIME 0x80
            CLONE_CLEAR_SIGHAND 0x100000000
            CLONE_INTO_CGROUP 0x200000000
            """);

    /** unshare()/setns() flags: namespaces plus the sharing flags unshare accepts. */
    public static final FlagSet NS_FLAGS = FlagSet.parse("namespace flags", """
            CLONE_NEWTIME 0x80
            CLONE_FS 0x200
            CLONE_FILES 0x400
            CLONE_NEWNS 0x20000
            CLONE_SYSVSEM 0x40000
            CLONE_NEWCGROUP 0x2000000
            CLONE_NEWUTS 0x4000000
            CLONE_NEWIPC 0x8000000
            CLONE_NEWUSER 0x10000000
            CLONE_NEWPID 0x20000000
            CLONE_NEWNET 0x40000000
            """);

    public static final ValueNames PTRACE_REQUESTS = ValueNames.parse("ptrace request", """
            PTRACE_TRACEME 0
            PTRACE_PEEKTEXT 1
            PTRACE_PEEKDATA 2
            PTRACE_PEEKUSER 3
            PTRACE_POKETEXT 4
            PTRACE_POKEDATA 5
            PTRACE_POKEUSER 6
            PTRACE_CONT 7
            PTRACE_KILL 8
            PTRACE_SINGLESTEP 9
            PTRACE_GETREGS 12
            PTRACE_SETREGS 13
            PTRACE_GETFPREGS 14
            PTRACE_SETFPREGS 15
            PTRACE_ATTACH 16
            PTRACE_DETACH 17
            PTRACE_GETFPXREGS 18
            PTRACE_SETFPXREGS 19
            PTRACE_SYSCALL 24
            PTRACE_GET_THREAD_AREA 25
            PTRACE_SET_THREAD_AREA 26
            PTRACE_ARCH_PRCTL 30
            PTRACE_SYSEMU 31
            PTRACE_SYSEMU_SINGLESTEP 32
            PTRACE_SINGLEBLOCK 33
            PTRACE_SETOPTIONS 0x4200
            PTRACE_GETEVENTMSG 0x4201
            PTRACE_GETSIGINFO 0x4202
            PTRACE_SETSIGINFO 0x4203
            PTRACE_GETREGSET 0x4204
            PTRACE_SETREGSET 0x4205
            PTRACE_SEIZE 0x4206
            PTRACE_INTERRUPT 0x4207
            PTRACE_LISTEN 0x4208
            PTRACE_PEEKSIGINFO 0x4209
            PTRACE_GETSIGMASK 0x420a
            PTRACE_SETSIGMASK 0x420b
            PTRACE_SECCOMP_GET_FILTER 0x420c
            PTRACE_SECCOMP_GET_METADATA 0x420d
            PTRACE_GET_SYSCALL_INFO 0x420e
            PTRACE_GET_RSEQ_CONFIGURATION 0x420f
            PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG 0x4210
            PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG 0x4211
            """).unknownAs("PTRACE_???");

    public static final ValueNames PRCTL_OPTIONS = ValueNames.parse("prctl option", """
            PR_SET_PDEATHSIG 1
            PR_GET_PDEATHSIG 2
            PR_GET_DUMPABLE 3
            PR_SET_DUMPABLE 4
            PR_GET_UNALIGN 5
            PR_SET_UNALIGN 6
            PR_GET_KEEPCAPS 7
            PR_SET_KEEPCAPS 8
            PR_GET_FPEMU 9
            PR_SET_FPEMU 10
            PR_GET_FPEXC 11
            PR_SET_FPEXC 12
            PR_GET_TIMING 13
            PR_SET_TIMING 14
            PR_SET_NAME 15
            PR_GET_NAME 16
            PR_GET_ENDIAN 19
            PR_SET_ENDIAN 20
            PR_GET_SECCOMP 21
            PR_SET_SECCOMP 22
            PR_CAPBSET_READ 23
            PR_CAPBSET_DROP 24
            PR_GET_TSC 25
            PR_SET_TSC 26
            PR_GET_SECUREBITS 27
            PR_SET_SECUREBITS 28
            PR_SET_TIMERSLACK 29
            PR_GET_TIMERSLACK 30
            PR_TASK_PERF_EVENTS_DISABLE 31
            PR_TASK_PERF_EVENTS_ENABLE 32
            PR_MCE_KILL 33
            PR_MCE_KILL_GET 34
            PR_SET_MM 35
            PR_SET_CHILD_SUBREAPER 36
            PR_GET_CHILD_SUBREAPER 37
            PR_SET_NO_NEW_PRIVS 38
            PR_GET_NO_NEW_PRIVS 39
            PR_GET_TID_ADDRESS 40
            PR_SET_THP_DISABLE 41
            PR_GET_THP_DISABLE 42
            PR_MPX_ENABLE_MANAGEMENT 43
            PR_MPX_DISABLE_MANAGEMENT 44
            PR_SET_FP_MODE 45
            PR_GET_FP_MODE 46
            PR_CAP_AMBIENT 47
            PR_SVE_SET_VL 50
            PR_SVE_GET_VL 51
            PR_GET_SPECULATION_CTRL 52
            PR_SET_SPECULATION_CTRL 53
            PR_PAC_RESET_KEYS 54
            PR_SET_TAGGED_ADDR_CTRL 55
            PR_GET_TAGGED_ADDR_CTRL 56
            PR_SET_IO_FLUSHER 57
            PR_GET_IO_FLUSHER 58
            PR_SET_SYSCALL_USER_DISPATCH 59
            PR_PAC_SET_ENABLED_KEYS 60
            PR_PAC_GET_ENABLED_KEYS 61
            PR_SCHED_CORE 62
            PR_SME_SET_VL 63
            PR_SME_GET_VL 64
            PR_SET_MDWE 65
            PR_GET_MDWE 66
            PR_SET_MEMORY_MERGE 67
            PR_GET_MEMORY_MERGE 68
            PR_SET_VMA 0x53564d41
            PR_SET_PTRACER 0x59616d61
            """).unknownAs("PR_???");

    /** arch_prctl's code (asm/prctl.h, x86). */
    public static final ValueNames ARCH_PRCTL_CODES = ValueNames.parse("arch_prctl code", """
            ARCH_SET_GS 0x1001
            ARCH_SET_FS 0x1002
            ARCH_GET_FS 0x1003
            ARCH_GET_GS 0x1004
            ARCH_GET_CPUID 0x1011
            ARCH_SET_CPUID 0x1012
            ARCH_GET_XCOMP_SUPP 0x1021
            ARCH_GET_XCOMP_PERM 0x1022
            ARCH_REQ_XCOMP_PERM 0x1023
            ARCH_GET_XCOMP_GUEST_PERM 0x1024
            ARCH_REQ_XCOMP_GUEST_PERM 0x1025
            ARCH_MAP_VDSO_X32 0x2001
            ARCH_MAP_VDSO_32 0x2002
            ARCH_MAP_VDSO_64 0x2003
            """).unknownAs("ARCH_???");

    /** Resource limits (sys/resource.h): prlimit64's resource. */
    public static final ValueNames RLIMIT_RESOURCES = ValueNames.parse("rlimit resource", """
            RLIMIT_CPU 0
            RLIMIT_FSIZE 1
            RLIMIT_DATA 2
            RLIMIT_STACK 3
            RLIMIT_CORE 4
            RLIMIT_RSS 5
            RLIMIT_NPROC 6
            RLIMIT_NOFILE 7
            RLIMIT_MEMLOCK 8
            RLIMIT_AS 9
            RLIMIT_LOCKS 10
            RLIMIT_SIGPENDING 11
            RLIMIT_MSGQUEUE 12
            RLIMIT_NICE 13
            RLIMIT_RTPRIO 14
            RLIMIT_RTTIME 15
            """).unknownAs("RLIMIT_???");

    /** wait4's options (sys/wait.h, linux/wait.h), in strace's order: 2 is WSTOPPED (alias WUNTRACED). */
    public static final FlagSet WAIT_OPTIONS = FlagSet.parse("wait options", "W???", """
            WNOHANG 0x1
            WSTOPPED 0x2
            WEXITED 0x4
            WCONTINUED 0x8
            WNOWAIT 0x1000000
            __WNOTHREAD 0x20000000
            __WALL 0x40000000
            __WCLONE 0x80000000
            """);

    /** struct sigaction's sa_flags (asm/signal.h), in strace's order. */
    public static final FlagSet SA_FLAGS = FlagSet.parse("sigaction flags", """
            SA_RESTORER 0x04000000
            SA_ONSTACK 0x08000000
            SA_RESTART 0x10000000
            SA_INTERRUPT 0x20000000
            SA_NODEFER 0x40000000
            SA_RESETHAND 0x80000000
            SA_SIGINFO 0x00000004
            SA_NOCLDSTOP 0x00000001
            SA_NOCLDWAIT 0x00000002
            SA_UNSUPPORTED 0x00000400
            SA_EXPOSE_TAGBITS 0x00000800
            """);

    /** rt_sigprocmask's how (signal.h). */
    public static final ValueNames SIGPROCMASK_HOW = ValueNames.parse("sigprocmask how", """
            SIG_BLOCK 0
            SIG_UNBLOCK 1
            SIG_SETMASK 2
            """).unknownAs("SIG_???");

    public static final ValueNames SECCOMP_OPS = ValueNames.parse("seccomp operation", """
            SECCOMP_SET_MODE_STRICT 0
            SECCOMP_SET_MODE_FILTER 1
            SECCOMP_GET_ACTION_AVAIL 2
            SECCOMP_GET_NOTIF_SIZES 3
            """).unknownAs("SECCOMP_SET_MODE_???");

    public static final ValueNames BPF_CMDS = ValueNames.parse("bpf command", """
            BPF_MAP_CREATE 0
            BPF_MAP_LOOKUP_ELEM 1
            BPF_MAP_UPDATE_ELEM 2
            BPF_MAP_DELETE_ELEM 3
            BPF_MAP_GET_NEXT_KEY 4
            BPF_PROG_LOAD 5
            BPF_OBJ_PIN 6
            BPF_OBJ_GET 7
            BPF_PROG_ATTACH 8
            BPF_PROG_DETACH 9
            BPF_PROG_TEST_RUN 10
            BPF_PROG_GET_NEXT_ID 11
            BPF_MAP_GET_NEXT_ID 12
            BPF_PROG_GET_FD_BY_ID 13
            BPF_MAP_GET_FD_BY_ID 14
            BPF_OBJ_GET_INFO_BY_FD 15
            BPF_PROG_QUERY 16
            BPF_RAW_TRACEPOINT_OPEN 17
            BPF_BTF_LOAD 18
            BPF_BTF_GET_FD_BY_ID 19
            BPF_TASK_FD_QUERY 20
            BPF_MAP_LOOKUP_AND_DELETE_ELEM 21
            BPF_MAP_FREEZE 22
            BPF_BTF_GET_NEXT_ID 23
            BPF_MAP_LOOKUP_BATCH 24
            BPF_MAP_LOOKUP_AND_DELETE_BATCH 25
            BPF_MAP_UPDATE_BATCH 26
            BPF_MAP_DELETE_BATCH 27
            BPF_LINK_CREATE 28
            BPF_LINK_UPDATE 29
            BPF_LINK_GET_FD_BY_ID 30
            BPF_LINK_GET_NEXT_ID 31
            BPF_ENABLE_STATS 32
            BPF_ITER_CREATE 33
            BPF_LINK_DETACH 34
            BPF_PROG_BIND_MAP 35
            BPF_TOKEN_CREATE 36
            """).unknownAs("BPF_???");

    private ProcessConsts() {
    }

    /** Clock ids (linux/time.h); negative ids name a process's or thread's CPU clock and are not named. */
    public static final ValueNames CLOCK_IDS = ValueNames.parse("clock id", """
            CLOCK_REALTIME 0
            CLOCK_MONOTONIC 1
            CLOCK_PROCESS_CPUTIME_ID 2
            CLOCK_THREAD_CPUTIME_ID 3
            CLOCK_MONOTONIC_RAW 4
            CLOCK_REALTIME_COARSE 5
            CLOCK_MONOTONIC_COARSE 6
            CLOCK_BOOTTIME 7
            CLOCK_REALTIME_ALARM 8
            CLOCK_BOOTTIME_ALARM 9
            CLOCK_SGI_CYCLE 10
            CLOCK_TAI 11
            """).unknownAs("CLOCK_???");

    /** struct sigevent's sigev_notify (timer_create, mq_notify). */
    public static final ValueNames SIGEV_NOTIFY = ValueNames.parse("sigev_notify", """
            SIGEV_SIGNAL 0
            SIGEV_NONE 1
            SIGEV_THREAD 2
            SIGEV_THREAD_ID 4
            """);

    /** clock_nanosleep's and timer_settime's flags. */
    public static final FlagSet TIMER_FLAGS = FlagSet.parse("timer flags", "TIMER_???", """
            TIMER_ABSTIME 1
            """);
}
