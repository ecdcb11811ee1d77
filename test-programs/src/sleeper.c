/* A generic target for signal, job-control and attach tests (B1-B3, C1, C4, H5).
 *   sleeper [-i SIG]... [-c SIG]... [-t] [-f FILE] SECONDS
 * -i ignores SIG; -c catches SIG (prints "caught SIG", then the program exits 3 after the current
 * slice); -t prints "tick N" on every 20 ms slice, so a test can tell whether the program runs;
 * -f ends the wait as soon as FILE exists. Prints "ready PID" first and "done" when the time ran
 * out (exit 0). Each slice is one nanosleep, a restartable blocking syscall. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t caught;
static volatile sig_atomic_t caught_count;

static void on_signal(int sig)
{
    caught = sig;
    caught_count++;
    char buf[32];
    int n = snprintf(buf, sizeof buf, "caught %d\n", sig);
    write(1, buf, n);
}

int main(int argc, char **argv)
{
    int tick = 0;
    const char *file = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "i:c:tf:")) != -1) {
        if (opt == 'i') {
            signal(atoi(optarg), SIG_IGN);
        } else if (opt == 'c') {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_signal;
            sigaction(atoi(optarg), &sa, NULL);
        } else if (opt == 't') {
            tick = 1;
        } else if (opt == 'f') {
            file = optarg;
        } else {
            return 64;
        }
    }
    double secs = optind < argc ? atof(argv[optind]) : 10;
    dprintf(1, "ready %d\n", getpid());
    long slices = (long) (secs * 50);
    for (long i = 0; i < slices; i++) {
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
        if (tick) dprintf(1, "tick %ld\n", i);
        if (caught) {
            dprintf(1, "handled %d times, exiting 3\n", (int) caught_count);
            return 3;
        }
        if (file && access(file, F_OK) == 0) break;
    }
    dprintf(1, "done\n");
    return 0;
}
