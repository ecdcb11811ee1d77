/* D6: clone(CLONE_PTRACE | SIGCHLD) while traced, then SIGUSR1 to the child and wait. The
 * program must see its child killed by SIGUSR1 and exit 0. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    pid_t pid = syscall(SYS_clone, CLONE_PTRACE | SIGCHLD, 0, 0, 0, 0);
    if (pid < 0) { perror("clone"); return 1; }
    if (pid == 0) {
        for (;;) pause();
    }
    dprintf(1, "child %d\n", pid);
    kill(pid, SIGUSR1);
    int status;
    if (waitpid(pid, &status, 0) != pid) { perror("waitpid"); return 1; }
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1) {
        dprintf(1, "child killed by SIGUSR1\n");
        return 0;
    }
    dprintf(1, "child status 0x%x\n", status);
    return 1;
}
