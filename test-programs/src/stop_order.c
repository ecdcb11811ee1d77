/*
 * Catalogue L4 (AbiTest): entry and exit stops must never be mixed up when the tracer switches
 * between resuming with PTRACE_CONT (no exit stop wanted) and PTRACE_SYSCALL (exit wanted), nor
 * after a signal-delivery stop between two calls.
 *
 * Each of N rounds makes, in this order: openat of a file (exit stop: the fd), close (entry only),
 * a failing openat (exit stop: ENOENT), dup (exit stop), fcntl F_SETFD (entry only), fcntl F_DUPFD
 * (exit stop), two closes, an untraced getppid, and every third round a signal to itself whose
 * handler runs between two calls. Failing openat calls of "/stop_order/begin" and "/stop_order/end"
 * mark where the rounds start and end in the trace.
 *
 * Usage: stop_order [N=200]. Prints the results the program itself saw, one round per line:
 * "R open=FD missing=-ERRNO dup=FD dupfd=FD", then "signals=K".
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile sig_atomic_t signals_seen;

static void on_usr1(int sig) {
    (void)sig;
    signals_seen++;
}

static int result(int rc) {
    return rc < 0 ? -errno : rc;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 200;
    if (n <= 0) return 2;
    int *open_fd = calloc((size_t)n, sizeof(int));
    int *missing = calloc((size_t)n, sizeof(int));
    int *dup_fd = calloc((size_t)n, sizeof(int));
    int *dupfd_fd = calloc((size_t)n, sizeof(int));
    if (!open_fd || !missing || !dup_fd || !dupfd_fd) return 1;
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1;
    if (sigaction(SIGUSR1, &sa, NULL) != 0) return 1;

    openat(AT_FDCWD, "/stop_order/begin", O_RDONLY);
    for (int i = 0; i < n; i++) {
        int fd = openat(AT_FDCWD, "/etc/hostname", O_RDONLY);
        open_fd[i] = result(fd);
        close(fd);
        missing[i] = result(openat(AT_FDCWD, "/stop_order/missing", O_RDONLY));
        if (i % 3 == 0) raise(SIGUSR1);
        int d = dup(2);
        dup_fd[i] = result(d);
        fcntl(d, F_SETFD, FD_CLOEXEC);
        int e = fcntl(d, F_DUPFD, 20);
        dupfd_fd[i] = result(e);
        close(e);
        close(d);
        getppid();
    }
    openat(AT_FDCWD, "/stop_order/end", O_RDONLY);

    for (int i = 0; i < n; i++) {
        printf("R open=%d missing=%d dup=%d dupfd=%d\n", open_fd[i], missing[i], dup_fd[i], dupfd_fd[i]);
    }
    printf("signals=%d\n", (int)signals_seen);
    return 0;
}
