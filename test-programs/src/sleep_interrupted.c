/* Sleeps a signal cuts short, as strace shows them: a relative clock_nanosleep and a nanosleep
 * show the time left the kernel wrote into rem; an absolute one (TIMER_ABSTIME) and a NULL rem do
 * not (the kernel writes nothing there). SIGALRM has a handler (no SA_RESTART), armed 30 ms
 * before each 2 s sleep, so each call returns EINTR. Prints "left S N" for each rem the program
 * got back, then "slept A B C D" (the four results). */
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void on_alarm(int sig)
{
    (void) sig;
}

static void arm(void)
{
    struct itimerval it = {{0, 0}, {0, 30000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct timespec req = {2, 0}, rem = {0, 0}, until;
    arm();
    long a = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &rem);
    printf("left %ld %ld\n", (long) rem.tv_sec, rem.tv_nsec);
    arm();
    long b = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += 2;
    arm();
    long c = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &until, &rem);
    arm();
    long d = syscall(SYS_nanosleep, &req, &rem);
    printf("left %ld %ld\n", (long) rem.tv_sec, rem.tv_nsec);
    printf("slept %ld %ld %ld %ld\n", a, b, c, d);
    return 0;
}
