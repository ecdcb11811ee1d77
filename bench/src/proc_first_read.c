/*
 * What the exec snapshot's /proc reads cost right at an exec stop, file by file: a traced child
 * execs /bin/true, and at its PTRACE_EVENT_EXEC stop the files pdig's snapshot reads are read twice,
 * each with open + one read + close (links with readlink). The first pass is what pdig pays (every
 * /proc/PID entry of a new image is looked up for the first time); the second, the same reads once
 * the entries exist. Prints the mean microseconds per file for both passes.
 * Built and run by bench/proc-first-read.sh.
 */
#define _GNU_SOURCE /* O_PATH */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *names[] = {"/", ">exe", "cmdline", "environ", ">cwd", "status", "loginuid", "stat", "cgroup"};
enum { NFILES = sizeof names / sizeof names[0] };
static double sum[2][NFILES];
static char buf[1 << 17];

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void read_all(int pid, int pass) {
    char path[32];
    snprintf(path, sizeof path, "/proc/%d", pid);
    double t = now_ns();
    int dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
    sum[pass][0] += now_ns() - t;
    for (int i = 1; i < NFILES; i++) {
        t = now_ns();
        if (names[i][0] == '>') {
            if (readlinkat(dir, names[i] + 1, buf, sizeof buf) < 0) perror(names[i]);
        } else {
            int fd = openat(dir, names[i], O_RDONLY | O_CLOEXEC);
            if (fd < 0 || read(fd, buf, sizeof buf) < 0) perror(names[i]);
            close(fd);
        }
        sum[pass][i] += now_ns() - t;
    }
    close(dir);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    for (int k = 0; k < n; k++) {
        pid_t p = fork();
        if (p == 0) {
            ptrace(PTRACE_TRACEME, 0, 0, 0);
            raise(SIGSTOP);
            execl("/bin/true", "true", (char *)NULL);
            _exit(127);
        }
        int st;
        waitpid(p, &st, 0);
        ptrace(PTRACE_SETOPTIONS, p, 0, PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL);
        ptrace(PTRACE_CONT, p, 0, 0);
        waitpid(p, &st, 0); /* the exec stop */
        read_all(p, 0);
        read_all(p, 1);
        ptrace(PTRACE_CONT, p, 0, 0);
        waitpid(p, &st, 0);
    }
    for (int pass = 0; pass < 2; pass++) {
        double total = 0;
        printf("%s:", pass == 0 ? "first read at the exec stop" : "read again");
        for (int i = 0; i < NFILES; i++) {
            printf(" %s=%.1f", names[i], sum[pass][i] / n / 1000);
            total += sum[pass][i];
        }
        printf(" total=%.1f us\n", total / n / 1000);
    }
    return 0;
}
