/*
 * Benchmark (docs/BENCHMARKS.md, session 5; not a tracer-bench.sh row): N times open("/dev/null")
 * + close, three ptrace stops per iteration under pdig (openat entry and exit, close entry) and
 * no file-system work, so the tracer's cost per stop is most of what it measures.
 * Usage: bench_open_close [N=20000]
 * Prints one line: "RESULT open_close ops=N ns=ELAPSED".
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 20000;
    if (n <= 0) { fprintf(stderr, "bench_open_close: bad count %s\n", argv[1]); return 2; }
    long long t0 = now_ns();
    for (long i = 0; i < n; i++) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd < 0) { perror("bench_open_close: open"); return 1; }
        close(fd);
    }
    long long t1 = now_ns();
    printf("RESULT open_close ops=%ld ns=%lld\n", n, t1 - t0);
    return 0;
}
