/* M5: the tracee probes for its tracer: PTRACE_TRACEME (must fail with EPERM while traced), the
 * TracerPid line, and a forked child trying PTRACE_ATTACH on it (EPERM: already traced). Prints
 * "traceme rc R errno E", "tracerpid T", "attach rc R errno E" and exits 0. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    int tracer = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "TracerPid:", 10) == 0) tracer = atoi(line + 10);
    }
    if (f) fclose(f);
    dprintf(1, "tracerpid %d\n", tracer);
    /* Untraced, TRACEME would make our parent (a shell) our tracer: only probe when traced. */
    if (tracer != 0) {
        errno = 0;
        long rc = ptrace(PTRACE_TRACEME, 0, 0, 0);
        dprintf(1, "traceme rc %ld errno %d\n", rc, rc < 0 ? errno : 0);
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        errno = 0;
        long r = ptrace(PTRACE_ATTACH, parent, 0, 0);
        dprintf(1, "attach rc %ld errno %d\n", r, r < 0 ? errno : 0);
        if (r == 0) ptrace(PTRACE_DETACH, parent, 0, 0);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    return 0;
}
