/* Durations of a fork and an exec (strace -T) against the program's own clock.
 *   fork_exec_timed
 * Forks with the fork syscall itself (glibc's fork() is a clone whose plain flags make no entry
 * stop); the child sleeps 200 ms and exits. The parent times its fork call on CLOCK_MONOTONIC (the
 * tracer's clock) and prints "fork_ns N": the tracer's entry and event stops both fall inside that
 * span, so the fork's duration is at most N, and far below the child's sleep. After the child is
 * reaped, the parent execs itself as "fork_exec_timed exec T0", T0 being the clock just before
 * execve; the new image prints "exec_ns N", the clock at its start minus T0, an upper bound of the
 * exec's duration. Prints "child_sleep_ns 200000000" for the tests to compare with. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHILD_SLEEP_NS 200000000LL

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "exec") == 0) {
        long long t0 = atoll(argv[2]);
        printf("exec_ns %lld\n", now_ns() - t0);
        return 0;
    }
    long long t0 = now_ns();
    long pid = syscall(SYS_fork);
    if (pid == 0) {
        struct timespec ts = {0, CHILD_SLEEP_NS};
        nanosleep(&ts, NULL);
        _exit(0);
    }
    long long forked = now_ns() - t0;
    if (pid < 0) return 64;
    int status;
    if (waitpid((pid_t) pid, &status, 0) != pid || !WIFEXITED(status)) return 65;
    printf("fork_ns %lld\nchild_sleep_ns %lld\n", forked, CHILD_SLEEP_NS);
    fflush(stdout);
    char arg[32];
    snprintf(arg, sizeof arg, "%lld", now_ns());
    execl("/proc/self/exe", argv[0], "exec", arg, (char *) NULL);
    return 66;
}
