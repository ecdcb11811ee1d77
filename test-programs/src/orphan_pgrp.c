/* C3: a stopped member of a process group that becomes orphaned. The main process forks a
 * leader into a new process group; the leader forks a child that stops itself with SIGSTOP; the
 * leader exits once the child is stopped. The kernel then sends SIGHUP and SIGCONT to the
 * orphaned group, so the child dies by SIGHUP. The main process reaps the leader and prints the
 * child's pid ("child PID") and "main exit 0". */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int proc_state(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = buf;
    for (char *q = buf; *q; q++) if (*q == ')') p = q;
    return p[1] == ' ' ? p[2] : 0;
}

int main(void)
{
    int pfd[2];
    pipe(pfd);
    pid_t leader = fork();
    if (leader == 0) {
        close(pfd[0]);
        setpgid(0, 0);
        pid_t child = fork();
        if (child == 0) {
            raise(SIGSTOP);
            /* Only reached if SIGSTOP did not stop us, or after SIGCONT with SIGHUP ignored. */
            dprintf(1, "child resumed\n");
            _exit(0);
        }
        dprintf(pfd[1], "%d\n", child);
        /* Exit only once the child really is stopped, otherwise the group is not orphaned while a
         * member is stopped and the kernel sends nothing. */
        for (int i = 0; i < 500 && proc_state(child) != 'T' && proc_state(child) != 't'; i++) {
            struct timespec ts = {0, 10 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
        _exit(0);
    }
    close(pfd[1]);
    char buf[32] = {0};
    read(pfd[0], buf, sizeof buf - 1);
    dprintf(1, "leader %d child %d\n", leader, atoi(buf));
    int status;
    waitpid(leader, &status, 0);
    dprintf(1, "leader status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    dprintf(1, "main exit 0\n");
    return 0;
}
