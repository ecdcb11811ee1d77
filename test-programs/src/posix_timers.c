/* POSIX timers as strace shows them, raw syscalls (glibc's timer_create wraps SIGEV_THREAD in a
 * helper thread): timer_create with a signal and a value, with none (NULL: SIGALRM), with
 * SIGEV_NONE and SIGEV_THREAD_ID, on an unknown clock (EINVAL); timer_settime relative (reading
 * back the old setting) and absolute, timer_gettime of a disarmed timer and of an armed one (its
 * time left is the program's to print), timer_getoverrun, timer_delete, and calls on an id that
 * names no timer (EINVAL). Prints "tid T" (the SIGEV_THREAD_ID target) and "left S N" (what the
 * armed timer_gettime returned). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    int t1 = -1, t2 = -1, t3 = -1, t4 = -1, bad = -1;
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    ev.sigev_value.sival_int = 42;
    syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &t1);
    syscall(SYS_timer_create, CLOCK_REALTIME, NULL, &t2);
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_NONE;
    syscall(SYS_timer_create, CLOCK_BOOTTIME, &ev, &t3);
    memset(&ev, 0, sizeof ev); /* kept until the end: it holds the tid printed */
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = SIGUSR2;
    ev._sigev_un._tid = (int) syscall(SYS_gettid);
    syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &t4);
    syscall(SYS_timer_create, 99, NULL, &bad);                     /* EINVAL */
    struct itimerspec on = {{0, 0}, {100, 500}}, old, cur;
    syscall(SYS_timer_settime, t3, 0, &on, &old);
    syscall(SYS_timer_settime, t3, 0, &on, &old);
    struct itimerspec at = {{1, 0}, {2000000000, 0}};
    syscall(SYS_timer_settime, t2, TIMER_ABSTIME, &at, NULL);
    syscall(SYS_timer_gettime, t1, &cur);
    syscall(SYS_timer_gettime, t3, &cur);
    long left_s = cur.it_value.tv_sec, left_n = cur.it_value.tv_nsec;
    syscall(SYS_timer_getoverrun, t1);
    syscall(SYS_timer_settime, 12345, 0, &on, NULL);               /* EINVAL */
    syscall(SYS_timer_gettime, 12345, &cur);                       /* EINVAL */
    syscall(SYS_timer_getoverrun, 12345);                          /* EINVAL */
    syscall(SYS_timer_delete, t1);
    syscall(SYS_timer_delete, t2);
    syscall(SYS_timer_delete, t3);
    syscall(SYS_timer_delete, t4);
    syscall(SYS_timer_delete, 12345);                              /* EINVAL */
    printf("tid %d\nleft %ld %ld\n", ev._sigev_un._tid, left_s, left_n);
    return 0;
}
