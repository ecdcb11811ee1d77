/* Plain clones (no CLONE_VFORK, CLONE_UNTRACED or namespace flag, so pdig's default filter does not
 * stop at their entry) as raw syscalls: two that the kernel refuses with EINVAL before making any
 * task (so no fork event ever names them), then one that succeeds. CLONE_SIGHAND without CLONE_VM
 * is invalid, as is CLONE_PIDFD with CLONE_PARENT_SETTID (both would use parent_tid). The child
 * of the good one exits at once (no CLONE_VM: it returns on its own copy of the stack). Prints
 * each result and errno, so a test can check them against what pdig reports.
 * With the argument "ns-then-plain": a clone with a namespace flag that the kernel refuses
 * (CLONE_NEWUTS with CLONE_PIDFD|CLONE_PARENT_SETTID; a derived set stops at its entry for the
 * namespace flag), then a plain one that succeeds (no entry stop there). */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void one(const char *what, unsigned long flags, void *ptid)
{
    errno = 0;
    long r = syscall(SYS_clone, flags, 0L, ptid, 0L, 0L);
    if (r == 0) syscall(SYS_exit_group, 0);
    int err = r < 0 ? errno : 0;
    if (r > 0) waitpid(r, NULL, 0);
    printf("%s %ld errno %d\n", what, r, err);
}

int main(int argc, char **argv)
{
    int ptid = 0;
    if (argc > 1 && strcmp(argv[1], "ns-then-plain") == 0) {
        one("ns", CLONE_NEWUTS | CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, &ptid);
        one("plain", SIGCHLD, 0);
        return 0;
    }
    one("sighand", CLONE_SIGHAND | SIGCHLD, 0);
    one("pidfd", CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, &ptid);
    one("plain", SIGCHLD, 0);
    return 0;
}
