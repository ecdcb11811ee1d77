/* M1: clone(CLONE_UNTRACED | SIGCHLD). The child opens "untraced.marker" (O_CREAT) and reports
 * its TracerPid: "child open rc R errno E tracerpid T". The parent prints
 * "clone rc R errno E" and the child's exit status. A monitor must either refuse the clone or
 * still trace the child; a child running untraced with a successful open is an escape. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int tracer_pid(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    int pid = -1;
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "TracerPid:", 10) == 0) pid = atoi(line + 10);
    }
    if (f) fclose(f);
    return pid;
}

int main(void)
{
    errno = 0;
    long pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) {
        errno = 0;
        int fd = open("untraced.marker", O_CREAT | O_WRONLY, 0600);
        int err = fd < 0 ? errno : 0;
        dprintf(1, "child open rc %d errno %d tracerpid %d\n", fd, err, tracer_pid());
        _exit(0);
    }
    dprintf(1, "clone rc %ld errno %d\n", pid, pid < 0 ? errno : 0);
    if (pid > 0) {
        int status;
        waitpid(pid, &status, 0);
        dprintf(1, "child status %d\n", status);
    }
    return 0;
}
