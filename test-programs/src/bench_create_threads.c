/*
 * Benchmark (bench/tracer-bench.sh, row "create threads"): creates and joins N threads one after
 * the other (OSBench-like create_threads). Each thread costs a clone3 (traced by default: the
 * tracer must follow the new thread) plus untraced mmap/mprotect/futex/exit.
 * Usage: bench_create_threads [N=2000]
 * Prints one line: "RESULT create_threads ops=N ns=ELAPSED".
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *nothing(void *arg) { return arg; }

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 2000;
    if (n <= 0) { fprintf(stderr, "bench_create_threads: bad count %s\n", argv[1]); return 2; }
    long long t0 = now_ns();
    for (long i = 0; i < n; i++) {
        pthread_t t;
        int err = pthread_create(&t, NULL, nothing, NULL);
        if (err != 0) { fprintf(stderr, "bench_create_threads: pthread_create: %s\n", strerror(err)); return 1; }
        pthread_join(t, NULL);
    }
    long long t1 = now_ns();
    printf("RESULT create_threads ops=%ld ns=%lld\n", n, t1 - t0);
    return 0;
}
