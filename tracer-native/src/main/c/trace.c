/*
 * Waiting for stops and the thin ptrace wrappers. pdig_next() gathers everything a stop needs in
 * one FFI call (wait status, event message, PTRACE_GET_SYSCALL_INFO or PTRACE_GETSIGINFO) into a
 * buffer the Java side preallocated, so the hot path allocates nothing.
 */
#include "pdig.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/ptrace.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

/* glibc's <sys/ptrace.h> conflicts with <linux/ptrace.h>; declare the one call we need. */
extern long ptrace(int request, ...);

#ifndef __WNOTHREAD
#define __WNOTHREAD 0x20000000
#endif
#ifndef __WALL
#define __WALL 0x40000000
#endif

int pdig_native_abi_version(void) {
    return PDIG_NATIVE_ABI_VERSION;
}

static int64_t monotonic_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/*
 * spin_ns < 0: take a stop only if one is already pending, else return 0 at once.
 * spin_ns > 0: poll with WNOHANG for up to that long before blocking. A stop that comes within the
 * window then reaches a running tracer; a blocked one must be woken first, which in a virtual
 * machine means waking a halted virtual CPU (an inter-processor interrupt through the host) on
 * every stop. The wait is the same either way; only its cost moves from latency to CPU time.
 */
int pdig_next(int64_t *out, int64_t spin_ns) {
    int st;
    /* __WNOTHREAD: never reap children that other JVM threads started (ProcessBuilder). */
    pid_t pid = 0;
    if (spin_ns < 0) {
        /* Only what is already pending: 0 when nothing is (the tracer's fairness gathering). */
        do pid = waitpid(-1, &st, __WALL | __WNOTHREAD | WNOHANG);
        while (pid < 0 && errno == EINTR);
        out[PDIG_SLOT_POLLED] = 0;
        if (pid <= 0) return pid == 0 ? 0 : -errno;
    } else if (spin_ns > 0) {
        int64_t until = monotonic_ns() + spin_ns;
        do pid = waitpid(-1, &st, __WALL | __WNOTHREAD | WNOHANG);
        while (pid == 0 && monotonic_ns() < until);
    }
    if (spin_ns >= 0) {
        out[PDIG_SLOT_POLLED] = pid > 0;
        if (pid == 0) pid = waitpid(-1, &st, __WALL | __WNOTHREAD);
    }
    if (pid < 0) return -errno;
    out[PDIG_SLOT_STATUS] = st;
    out[PDIG_SLOT_TID] = pid;
    if (!WIFSTOPPED(st)) return pid;
    int sig = WSTOPSIG(st);
    int event = (unsigned)st >> 16;
    if (sig == (SIGTRAP | 0x80) || event == PTRACE_EVENT_SECCOMP) {
        struct ptrace_syscall_info info;
        memset(&info, 0, sizeof info);
        long n = ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof info, &info);
        out[PDIG_SLOT_INFO_RC] = n < 0 ? -errno : n;
        if (n < 0) return pid;
        out[PDIG_SLOT_OP] = info.op;
        out[PDIG_SLOT_ARCH] = info.arch;
        out[PDIG_SLOT_SP] = (int64_t)info.stack_pointer;
        switch (info.op) {
        case PTRACE_SYSCALL_INFO_ENTRY:
            out[PDIG_SLOT_NR] = (int64_t)info.entry.nr;
            for (int i = 0; i < 6; i++) out[PDIG_SLOT_ARG0 + i] = (int64_t)info.entry.args[i];
            break;
        case PTRACE_SYSCALL_INFO_EXIT:
            out[PDIG_SLOT_NR] = info.exit.rval;
            out[PDIG_SLOT_IS_ERROR] = info.exit.is_error;
            break;
        case PTRACE_SYSCALL_INFO_SECCOMP:
            out[PDIG_SLOT_NR] = (int64_t)info.seccomp.nr;
            for (int i = 0; i < 6; i++) out[PDIG_SLOT_ARG0 + i] = (int64_t)info.seccomp.args[i];
            out[PDIG_SLOT_RET_DATA] = info.seccomp.ret_data;
            break;
        default:
            break;
        }
    } else if (event != 0 && event != PTRACE_EVENT_STOP) {
        unsigned long msg = 0;
        out[PDIG_SLOT_EVENTMSG] = ptrace(PTRACE_GETEVENTMSG, pid, 0L, &msg) < 0 ? -1 : (int64_t)msg;
    } else if (event == 0) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (ptrace(PTRACE_GETSIGINFO, pid, 0L, &si) < 0) {
            out[PDIG_SLOT_SIG_RC] = -errno;
        } else {
            out[PDIG_SLOT_SIG_RC] = 0;
            out[PDIG_SLOT_SI_SIGNO] = si.si_signo;
            out[PDIG_SLOT_SI_CODE] = si.si_code;
            out[PDIG_SLOT_SI_PID] = si.si_pid;
            out[PDIG_SLOT_SI_UID] = si.si_uid;
            /* memcpy: the union's words, whatever their C type for this signal. */
            memcpy(&out[PDIG_SLOT_SI_W24], (const char *)&si + 24, 3 * sizeof(int64_t));
        }
    }
    return pid;
}

/*
 * The syscall a thread is stopped in, from its registers, into the slots a syscall stop fills
 * (NR, ARCH, ARG0..5): for event stops, where PTRACE_GET_SYSCALL_INFO has nothing to say. A 32-bit
 * task (code segment 0x23) passes its arguments in ebx, ecx, edx, esi, edi, ebp. Returns 0 or -errno.
 */
int pdig_syscall_regs(int pid, int64_t *out) {
    struct user_regs_struct r;
    if (ptrace(PTRACE_GETREGS, pid, 0L, &r) < 0) return -errno;
    out[PDIG_SLOT_NR] = (int64_t)r.orig_rax;
    if (r.cs == 0x23) {
        unsigned long a[6] = {r.rbx, r.rcx, r.rdx, r.rsi, r.rdi, r.rbp};
        out[PDIG_SLOT_ARCH] = AUDIT_ARCH_I386;
        out[PDIG_SLOT_NR] = (int64_t)(uint32_t)r.orig_rax;
        for (int i = 0; i < 6; i++) out[PDIG_SLOT_ARG0 + i] = (int64_t)(uint32_t)a[i];
    } else {
        unsigned long a[6] = {r.rdi, r.rsi, r.rdx, r.r10, r.r8, r.r9};
        out[PDIG_SLOT_ARCH] = AUDIT_ARCH_X86_64;
        for (int i = 0; i < 6; i++) out[PDIG_SLOT_ARG0 + i] = (int64_t)a[i];
    }
    return 0;
}

long pdig_ptrace(int request, int pid, long addr, long data) {
    errno = 0;
    long r = ptrace(request, pid, addr, data);
    if (r == -1 && errno != 0) return -errno;
    return r;
}

int pdig_kill(int pid, int sig) {
    return kill(pid, sig) < 0 ? -errno : 0;
}

int pdig_tgkill(int tgid, int tid, int sig) {
    return syscall(SYS_tgkill, tgid, tid, sig) < 0 ? -errno : 0;
}

int pdig_gettid(void) {
    return (int)syscall(SYS_gettid);
}

static void wake_handler(int sig) {
    (void)sig; /* Only there to interrupt waitpid() with EINTR. */
}

int pdig_install_wake_handler(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = wake_handler; /* no SA_RESTART: waitpid must return EINTR */
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) < 0) return -errno;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    return 0;
}

int pdig_set_affinity(int tid, int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(tid, sizeof set, &set) < 0 ? -errno : 0;
}

int pdig_current_cpu_of(int tid) {
    if (tid == 0) {
        int c = sched_getcpu();
        return c < 0 ? -errno : c;
    }
    return -ENOSYS;
}
