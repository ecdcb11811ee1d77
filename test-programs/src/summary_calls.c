/* Known calls for the -c table (strace -c -w): one slow call and a few fast ones. The sleep is long
 * enough to stay the slowest row even when the tracer handles its first stops slowly (cold code:
 * a first close has taken tens of ms right after a build).
 *   summary_calls
 * One clock_nanosleep of 250 ms, 7 getppid and 3 close(-1), which fail
 * with EBADF (the loader's own closes of ld.so.cache and libc add successful ones). Each is made
 * through syscall(2), so no libc cache can drop one. Prints "sleep_ns N", the sleep's span on
 * CLOCK_MONOTONIC, for the test to compare with. */
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define SLEEP_NS 250000000L

int main(void)
{
    struct timespec ts = {0, SLEEP_NS}, t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL) != 0) return 64;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    for (int i = 0; i < 7; i++) syscall(SYS_getppid);
    for (int i = 0; i < 3; i++) {
        if (syscall(SYS_close, -1) != -1) return 65;
    }
    printf("sleep_ns %lld\n", (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec));
    return 0;
}
