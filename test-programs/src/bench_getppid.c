/*
 * Benchmark (bench/tracer-bench.sh, row "getppid loop"): N raw getppid syscalls. getppid is not in
 * pdig's default set, so under a seccomp-filtered tracer it must run at almost native speed; the
 * difference is the cost of running the BPF filter on every syscall.
 * Usage: bench_getppid [N=5000000]
 * Prints one line: "RESULT getppid ops=N ns=ELAPSED".
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 5000000;
    if (n <= 0) { fprintf(stderr, "bench_getppid: bad count %s\n", argv[1]); return 2; }
    long sum = 0;
    long long t0 = now_ns();
    /* Raw syscall: no libc wrapper may cache the answer. */
    for (long i = 0; i < n; i++) sum += syscall(SYS_getppid);
    long long t1 = now_ns();
    if (sum == 0) puts("");
    printf("RESULT getppid ops=%ld ns=%lld\n", n, t1 - t0);
    return 0;
}
