package io.pdig.tracer;

/** ptrace(2), wait(2) and clone(2) constants the driver uses (x86_64 Linux values). */
final class Ptrace {
    static final int PEEKDATA = 2;
    static final int POKEDATA = 5;
    static final int POKEUSER = 6;
    static final int CONT = 7;
    static final int KILL = 8;
    static final int DETACH = 17;
    static final int SYSCALL = 24;
    static final int SETOPTIONS = 0x4200;
    static final int GETEVENTMSG = 0x4201;
    static final int GETSIGINFO = 0x4202;
    static final int SEIZE = 0x4206;
    static final int INTERRUPT = 0x4207;
    static final int LISTEN = 0x4208;

    static final long O_TRACESYSGOOD = 1;
    static final long O_TRACEFORK = 1 << 1;
    static final long O_TRACEVFORK = 1 << 2;
    static final long O_TRACECLONE = 1 << 3;
    static final long O_TRACEEXEC = 1 << 4;
    static final long O_TRACESECCOMP = 1 << 7;
    static final long O_EXITKILL = 1L << 20;

    static final int EVENT_FORK = 1;
    static final int EVENT_VFORK = 2;
    static final int EVENT_CLONE = 3;
    static final int EVENT_EXEC = 4;
    static final int EVENT_VFORK_DONE = 5;
    static final int EVENT_EXIT = 6;
    static final int EVENT_SECCOMP = 7;
    static final int EVENT_STOP = 128;

    static final int SYSCALL_INFO_ENTRY = 1;
    static final int SYSCALL_INFO_EXIT = 2;
    static final int SYSCALL_INFO_SECCOMP = 3;

    static final int SIGKILL = 9;
    static final int SIGTRAP = 5;
    static final int SIGSTOP = 19;
    static final int SIGTSTP = 20;
    static final int SIGTTIN = 21;
    static final int SIGTTOU = 22;
    static final int SIGCONT = 18;

    static final long CLONE_VM = 0x100;
    static final long CLONE_VFORK = 0x4000;
    static final long CLONE_THREAD = 0x10000;
    static final long CLONE_UNTRACED = 0x800000;

    /** offsetof(struct user, regs.orig_rax) and regs.rdi / regs.rbx on x86_64. */
    static final long USER_ORIG_RAX = 15 * 8;
    static final long USER_RDI = 14 * 8;
    static final long USER_RBX = 5 * 8;
    static final long USER_RAX = 10 * 8;

    static final long AUDIT_ARCH_X86_64 = 0xC000003EL;
    static final long AUDIT_ARCH_I386 = 0x40000003L;
    static final int AT_FDCWD = -100;

    private Ptrace() {
    }

    static boolean isStopSignal(int sig) {
        return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
    }
}
