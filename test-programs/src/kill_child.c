/* B7: fork a child that spins on sched_yield, SIGKILL it at once, reap it; N times (argv[1]).
 * Prints "killed K of N" where K counts children reaped as killed by SIGKILL. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 500;
    int killed = 0;
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); return 1; }
        if (pid == 0) {
            for (;;) sched_yield();
        }
        kill(pid, SIGKILL);
        int status;
        if (waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) killed++;
    }
    dprintf(1, "killed %d of %d\n", killed, n);
    return killed == n ? 0 : 1;
}
