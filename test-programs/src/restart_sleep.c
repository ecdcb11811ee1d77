/* G2: SIGALRM ignored, an interval timer firing every 11 ms, and one nanosleep of 0.22 s. Under
 * ptrace the ignored signal still interrupts the sleep (ERESTART_RESTARTBLOCK) and the kernel
 * resumes it with restart_syscall; the program must see rc 0 after the full time.
 * Prints "nanosleep rc R errno E elapsed_ms M". */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

int main(void)
{
    signal(SIGALRM, SIG_IGN);
    struct itimerval it = {{0, 11000}, {0, 11000}};
    setitimer(ITIMER_REAL, &it, NULL);
    struct timespec a, b, req = {0, 220 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &a);
    errno = 0;
    int rc = nanosleep(&req, NULL);
    int err = rc ? errno : 0;
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
    dprintf(1, "nanosleep rc %d errno %d elapsed_ms %ld\n", rc, err, ms);
    return rc;
}
