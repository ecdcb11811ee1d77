/* I4/I5: the tracee turns on its tracer, found through TracerPid in /proc/self/status.
 *   kill_tracer kill    - kill(TracerPid, SIGKILL)
 *   kill_tracer attach  - ptrace(PTRACE_ATTACH, TracerPid)
 * Prints "tracer T", the attempt's "rc R errno E", then "alive N" every 100 ms for 3 s and
 * "done". A fail-closed tracer either refuses the attempt or takes the tracee down with it. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <time.h>
#include <unistd.h>

static int tracer_pid(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    int pid = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "TracerPid:", 10) == 0) pid = atoi(line + 10);
    }
    if (f) fclose(f);
    return pid;
}

int main(int argc, char **argv)
{
    int attach = argc > 1 && strcmp(argv[1], "attach") == 0;
    int tracer = tracer_pid();
    dprintf(1, "tracer %d\n", tracer);
    if (tracer <= 0) return 2;
    errno = 0;
    long rc = attach ? ptrace(PTRACE_ATTACH, tracer, 0, 0) : kill(tracer, SIGKILL);
    dprintf(1, "rc %ld errno %d\n", rc, rc < 0 ? errno : 0);
    for (int i = 0; i < 30; i++) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
        dprintf(1, "alive %d\n", i);
    }
    dprintf(1, "done\n");
    return 0;
}
