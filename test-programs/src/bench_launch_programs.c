/*
 * Benchmark (bench/tracer-bench.sh, row "launch programs"): N times fork + execv(PROGRAM) +
 * waitpid (OSBench-like launch_programs). Each launch costs a clone, an execve, the dynamic
 * loader's openat/close of the libraries, and an exit: the tracer sees a new process, an exec
 * and an exit every time.
 * Usage: bench_launch_programs [N=300] [PROGRAM=/bin/true]
 * Prints one line: "RESULT launch_programs ops=N ns=ELAPSED".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 300;
    const char *prog = argc > 2 ? argv[2] : "/bin/true";
    if (n <= 0) { fprintf(stderr, "bench_launch_programs: bad count %s\n", argv[1]); return 2; }
    long long t0 = now_ns();
    for (long i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) { perror("bench_launch_programs: fork"); return 1; }
        if (pid == 0) {
            execl(prog, prog, (char *)NULL);
            _exit(127);
        }
        int status;
        if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_launch_programs: %s did not exit 0 (status 0x%x)\n", prog, status);
            return 1;
        }
    }
    long long t1 = now_ns();
    printf("RESULT launch_programs ops=%ld ns=%lld\n", n, t1 - t0);
    return 0;
}
