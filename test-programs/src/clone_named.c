/* clone with each pointer flag, as raw syscalls (no CLONE_VM, no stack: the child returns on its
 * copy of the stack and exits at once). strace names the pointers each flag makes the kernel use:
 * parent_tid under CLONE_PARENT_SETTID and CLONE_PIDFD, tls under CLONE_SETTLS (here the current
 * one, so the child's libc still works), child_tidptr under CLONE_CHILD_SETTID/CLEARTID. Then: a
 * parent_tid the kernel cannot write (the call still succeeds); CLONE_NEWUTS (root only), which
 * pdig stops on at the entry (the other calls are seen from their fork event only); and CLONE_PIDFD
 * with CLONE_PARENT_SETTID, which fails (EINVAL; CLONE_NEWUTS makes pdig see the failed call).
 * Prints what the kernel wrote and the addresses. */
#include <asm/prctl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void one(unsigned long flags, void *ptid, void *ctid, unsigned long tls)
{
    long r = syscall(SYS_clone, flags, 0L, ptid, ctid, tls);
    if (r == 0) syscall(SYS_exit_group, 0);
    if (r > 0) waitpid(r, NULL, 0);
}

int main(void)
{
    int ptid = 0, ctid = 0, pidfd = -1, both = 0, ns = 0;
    unsigned long fs = 0;
    syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
    one(SIGCHLD, 0, 0, 0);
    one(CLONE_PARENT_SETTID | SIGCHLD, &ptid, 0, 0);
    one(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, 0, &ctid, 0);
    one(CLONE_SETTLS | SIGCHLD, 0, 0, fs);
    one(CLONE_PIDFD | SIGCHLD, &pidfd, 0, 0);
    one(CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_SETTLS | SIGCHLD, &both, &ctid, fs);
    one(CLONE_PARENT_SETTID | SIGCHLD, (void *)8, 0, 0);
    one(CLONE_NEWUTS | CLONE_PARENT_SETTID | SIGCHLD, &ns, 0, 0);
    one(CLONE_NEWUTS | CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, &ptid, 0, 0);
    printf("ns %d ptid %d pidfd %d both %d fs %#lx ctid@%p ptid@%p\n", ns, ptid, pidfd, both, fs, (void *)&ctid, (void *)&ptid);
    return 0;
}
