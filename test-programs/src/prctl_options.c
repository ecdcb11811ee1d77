/* prctl's options as strace shows them, raw syscalls so libc adds nothing: the task name set (one
 * longer than 15 bytes, one unreadable) and read back, the parent-death signal set and read back
 * (an int the kernel writes), dumpable, keepcaps, securebits, child subreaper, timer slack, the
 * ambient capability operations (one refused, one unknown capability, one unknown operation),
 * machine-check policy, TSC, the tid address, PR_SET_MM and PR_SET_VMA (refused or not, the same
 * under either tracer), a seccomp filter that allows everything, and an unknown option. NO_NEW_PRIVS
 * is set first: pdig's tracee has it from the start, strace's from here on, so the read after it
 * agrees. Prints "tid_address P" (what PR_GET_TID_ADDRESS wrote). */
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef PR_SET_VMA
#define PR_SET_VMA 0x53564d41
#define PR_SET_VMA_ANON_NAME 0
#endif

#define P(op, a, b, c, d) syscall(SYS_prctl, (long) (op), (long) (a), (long) (b), (long) (c), (long) (d))

int main(void)
{
    char name[16];
    int value = -1;
    void *tid_address = NULL;
    P(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    P(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
    P(PR_SET_NAME, "worker-1", 0, 0, 0);
    P(PR_GET_NAME, name, 0, 0, 0);
    P(PR_SET_NAME, "a-name-longer-than-fifteen", 0, 0, 0);
    P(PR_SET_NAME, 8, 0, 0, 0);                                   /* EFAULT */
    P(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
    P(PR_GET_PDEATHSIG, &value, 0, 0, 0);
    P(PR_SET_PDEATHSIG, 200, 0, 0, 0);                            /* EINVAL */
    P(PR_GET_PDEATHSIG, 8, 0, 0, 0);                              /* EFAULT */
    P(PR_GET_DUMPABLE, 0, 0, 0, 0);
    P(PR_SET_DUMPABLE, 7, 0, 0, 0);                               /* EINVAL */
    P(PR_SET_KEEPCAPS, 1, 0, 0, 0);
    P(PR_GET_KEEPCAPS, 0, 0, 0, 0);
    P(PR_SET_SECUREBITS, 0x10, 0, 0, 0);                          /* SECBIT_KEEP_CAPS */
    P(PR_GET_SECUREBITS, 0, 0, 0, 0);
    P(PR_SET_SECUREBITS, 0, 0, 0, 0);
    P(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    P(PR_GET_CHILD_SUBREAPER, &value, 0, 0, 0);
    P(PR_SET_TIMERSLACK, 50000, 0, 0, 0);
    P(PR_GET_TIMERSLACK, 0, 0, 0, 0);
    P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0);
    P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0);  /* EPERM: not inheritable */
    P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_NET_RAW, 0, 0);
    P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 99, 0, 0);          /* EINVAL */
    P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    P(PR_CAP_AMBIENT, 9, 1, 2, 3);                                /* EINVAL */
    P(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0);
    P(PR_MCE_KILL_GET, 0, 0, 0, 0);
    P(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
    P(PR_GET_TSC, &value, 0, 0, 0);
    P(PR_GET_TID_ADDRESS, &tid_address, 0, 0, 0);
    P(PR_SET_MM, 99, 0x1000, 0, 0);
    void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    P(PR_SET_VMA, PR_SET_VMA_ANON_NAME, m, 4096, "anon-x");
    struct sock_filter allow[] = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
    struct sock_fprog prog = {1, allow};
    P(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
    P(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL, 0, 0);          /* EFAULT */
    P(PR_TASK_PERF_EVENTS_DISABLE, 0, 0, 0, 0);
    P(0x63, 1, 2, 3, 4);                                          /* EINVAL */
    printf("tid_address %p\n", tid_address);
    return 0;
}
