/*
 * Signals pdig itself receives (SIGINT, SIGTERM, SIGHUP, SIGQUIT) turned into bytes on a pipe.
 * The JVM runs with -Xrs so it installs no handlers for them, and Java cannot handle them
 * itself then; a Java platform thread reads the pipe and forwards each signal to the tracee.
 * The handler only write()s one byte (async-signal-safe) and keeps errno intact.
 * Owner: one pipe per process; install once, uninstall once.
 */
#include "pdig.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int sigpipe_fds[2] = {-1, -1};
static long sigpipe_mask;

static void sigpipe_handler(int sig) {
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    ssize_t r = write(sigpipe_fds[1], &b, 1);
    (void)r; /* a full pipe drops the signal: 64 KiB of pending signals is not a real case */
    errno = saved;
}

int pdig_sigpipe_install(long mask) {
    if (sigpipe_fds[0] >= 0) return -EBUSY;
    if (pipe2(sigpipe_fds, O_CLOEXEC) < 0) return -errno;
    fcntl(sigpipe_fds[1], F_SETFL, O_NONBLOCK);
    sigpipe_mask = mask;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigpipe_handler;
    sigfillset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int sig = 1; sig <= 63; sig++) {
        if (mask & (1L << (sig - 1))) {
            if (sigaction(sig, &sa, NULL) < 0) return -errno;
        }
    }
    return sigpipe_fds[0];
}

/* Blocks until a signal arrives; returns its number, 0 after uninstall, or -errno. */
int pdig_sigpipe_wait(int fd) {
    unsigned char b;
    for (;;) {
        ssize_t r = read(fd, &b, 1);
        if (r == 1) return b;
        if (r == 0) return 0;
        if (errno != EINTR) return -errno;
    }
}

/* Restores default dispositions and wakes the reader with a 0 byte; the caller closes the fds
 * (pdig_sigpipe_close) after its reader thread has returned. */
int pdig_sigpipe_uninstall(void) {
    if (sigpipe_fds[0] < 0) return -EINVAL;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    for (int sig = 1; sig <= 63; sig++) {
        if (sigpipe_mask & (1L << (sig - 1))) sigaction(sig, &sa, NULL);
    }
    unsigned char zero = 0;
    ssize_t r = write(sigpipe_fds[1], &zero, 1);
    (void)r;
    return 0;
}

int pdig_sigpipe_close(void) {
    if (sigpipe_fds[0] >= 0) close(sigpipe_fds[0]);
    if (sigpipe_fds[1] >= 0) close(sigpipe_fds[1]);
    sigpipe_fds[0] = sigpipe_fds[1] = -1;
    return 0;
}
