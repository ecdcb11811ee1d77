/*
 * Benchmark (bench/tracer-bench.sh, row "create processes"): N times fork + _exit(0) + waitpid
 * (OSBench-like create_processes). No exec: measures the tracer's cost to follow a new process
 * (clone stops, the new tracee's first stop) and to see it exit.
 * Usage: bench_create_processes [N=1000]
 * Prints one line: "RESULT create_processes ops=N ns=ELAPSED".
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000;
    if (n <= 0) { fprintf(stderr, "bench_create_processes: bad count %s\n", argv[1]); return 2; }
    long long t0 = now_ns();
    for (long i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) { perror("bench_create_processes: fork"); return 1; }
        if (pid == 0) _exit(0);
        int status;
        if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_create_processes: child did not exit 0 (status 0x%x)\n", status);
            return 1;
        }
    }
    long long t1 = now_ns();
    printf("RESULT create_processes ops=%ld ns=%lld\n", n, t1 - t0);
    return 0;
}
