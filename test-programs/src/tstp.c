/* C2: a job that handles SIGTSTP. Prints "ready PID", then waits up to argv[1] seconds for the
 * handler; prints "handled N" and exits 0 once it ran, or "not handled" and exits 1. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void on_tstp(int sig)
{
    (void) sig;
    handled++;
}

int main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 5;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_tstp;
    sigaction(SIGTSTP, &sa, NULL);
    dprintf(1, "ready %d\n", getpid());
    for (long i = 0; i < (long) (secs * 100) && !handled; i++) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    /* A second TSTP must not be manufactured by the tracer: give it time to show up. */
    struct timespec ts = {0, 100 * 1000 * 1000};
    nanosleep(&ts, NULL);
    if (!handled) { dprintf(1, "not handled\n"); return 1; }
    dprintf(1, "handled %d\n", (int) handled);
    return 0;
}
