/*
 * Benchmark (bench/tracer-bench.sh, row "create files"): creates N files of 32 bytes in a fresh
 * directory, then unlinks them, timing both phases together (OSBench-like create_files). Each file
 * costs openat + write + close + unlink, three of which are in pdig's default traced set, so this
 * row measures the per-stop cost of the tracer.
 * Usage: bench_create_files [N=10000] [PARENT_DIR=/tmp]
 * Prints one line: "RESULT create_files ops=N ns=ELAPSED" (ns of CLOCK_MONOTONIC around the loops).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000;
    const char *parent = argc > 2 ? argv[2] : "/tmp";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/bench_create_files.XXXXXX", parent);
    if (n <= 0) { fprintf(stderr, "bench_create_files: bad count %s\n", argv[1]); return 2; }
    if (!mkdtemp(dir)) {
        fprintf(stderr, "bench_create_files: cannot create a directory in %s: %s\n", parent, strerror(errno));
        return 2;
    }
    /* Work relative to a directory fd so the path strings stay short and identical in every mode. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd < 0) { perror("bench_create_files: open dir"); return 2; }
    static const char payload[32] = "0123456789abcdef0123456789abcde";
    char name[32];
    long long t0 = now_ns();
    for (long i = 0; i < n; i++) {
        snprintf(name, sizeof name, "f%ld", i);
        int fd = openat(dfd, name, O_CREAT | O_WRONLY | O_TRUNC, 0644);
        if (fd < 0 || write(fd, payload, sizeof payload) != (ssize_t)sizeof payload) {
            fprintf(stderr, "bench_create_files: %s/%s: %s\n", dir, name, strerror(errno));
            return 1;
        }
        close(fd);
    }
    for (long i = 0; i < n; i++) {
        snprintf(name, sizeof name, "f%ld", i);
        if (unlinkat(dfd, name, 0) != 0) {
            fprintf(stderr, "bench_create_files: unlink %s/%s: %s\n", dir, name, strerror(errno));
            return 1;
        }
    }
    long long t1 = now_ns();
    close(dfd);
    rmdir(dir);
    printf("RESULT create_files ops=%ld ns=%lld\n", n, t1 - t0);
    return 0;
}
