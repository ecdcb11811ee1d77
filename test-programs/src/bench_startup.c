/*
 * Start-up probe (bench/tracer-bench.sh, "Start-up"): the first thing main does is read
 * CLOCK_REALTIME, which the script compares with the time it took just before launching the
 * tracer; the difference is the time until the tracee runs its own code.
 * Prints one line: "RESULT startup realtime_ns=NS".
 */
#include <stdio.h>
#include <time.h>

int main(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    printf("RESULT startup realtime_ns=%lld\n", ts.tv_sec * 1000000000LL + ts.tv_nsec);
    return 0;
}
