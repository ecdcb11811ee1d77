/* clock_nanosleep as strace shows it: the clock by name, TIMER_ABSTIME, the request read at the
 * entry; an absolute time already past returns at once; an unknown clock fails (EINVAL) and an
 * unreadable request fails (EFAULT) with the request's address shown. */
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    struct timespec rel = {0, 1000000}, past = {1, 5}, rem;
    long a = syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &rel, NULL);
    long b = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &past, &rem);
    long c = syscall(SYS_clock_nanosleep, CLOCK_BOOTTIME, 0, &rel, &rem);
    syscall(SYS_clock_nanosleep, 99, 0, &rel, NULL);              /* EINVAL */
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, (void *)8, NULL); /* EFAULT */
    printf("slept %ld %ld %ld rem@%p\n", a, b, c, (void *)&rem);
    return 0;
}
