/*
 * Benchmark helper (bench/tracer-bench.sh, the "timed inside" rows): runs a command and times it
 * from inside the traced process tree, as the OSBench-like programs time themselves, so that the
 * tracer's own start-up and exit are left out. The same command's wall-clock row keeps them in.
 * Usage: bench_timed NAME CMD [ARGS...]
 * Prints "RESULT NAME ops=1 ns=ELAPSED" on stdout once CMD exited 0; exits 1 otherwise.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: bench_timed NAME CMD [ARGS...]\n");
        return 2;
    }
    long long t0 = now_ns();
    pid_t pid = fork();
    if (pid < 0) { perror("bench_timed: fork"); return 1; }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("bench_timed: exec");
        _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid) { perror("bench_timed: waitpid"); return 1; }
    long long t1 = now_ns();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_timed: %s did not exit 0 (status 0x%x)\n", argv[2], status);
        return 1;
    }
    fflush(stdout); /* the command's own output, if it shares this stdout, is already written */
    printf("RESULT %s ops=1 ns=%lld\n", argv[1], t1 - t0);
    return 0;
}
