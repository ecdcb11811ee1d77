/*
 * The addresses of a socket that a tracee holds: its own (getsockname) and its peer's
 * (getpeername), asked of a copy of the tracee's fd taken with pidfd_getfd. This is the
 * equivalent of what Falco's kernel drivers read from the socket itself. Mechanism only: which
 * fd to ask about and when (which calls, which results) is the Java decoder's decision.
 *
 * Ownership: both descriptors made here (the pidfd and the copy) are closed before every return;
 * both are close-on-exec from birth (pidfd_open and pidfd_getfd set it), so a fork + exec of the
 * JVM in between cannot carry them away either.
 */
#include "pdig.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif
#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL
#endif

/*
 * A pidfd whose fd table is the thread's own: PIDFD_THREAD (Linux 6.9) names the thread itself,
 * which still works when its thread-group leader has exited (a zombie leader has no fd table).
 * Older kernels refuse the flag with EINVAL: the process's pidfd then, which is the same table
 * for every thread made with CLONE_FILES (all that pthreads makes).
 */
static int open_pidfd(int pid, int tid) {
    long fd = syscall(SYS_pidfd_open, tid, PIDFD_THREAD);
    if (fd < 0 && errno == EINVAL) fd = syscall(SYS_pidfd_open, pid, 0);
    return fd < 0 ? -errno : (int)fd;
}

/* One side into its slot: the length the kernel returned (cut at the slot's size), or -errno. */
static int64_t one_name(int sock, int peer, char *dst) {
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    memset(&ss, 0, sizeof ss);
    int r = peer ? getpeername(sock, (struct sockaddr *)&ss, &len) : getsockname(sock, (struct sockaddr *)&ss, &len);
    if (r < 0) return -errno;
    if (len > PDIG_SOCKNAME_MAX) len = PDIG_SOCKNAME_MAX;
    memcpy(dst, &ss, len);
    return (int64_t)len;
}

int pdig_sock_names(int pid, int tid, int fd, int want, int64_t *out) {
    char *bytes = (char *)(out + 2);
    int pidfd = open_pidfd(pid, tid);
    if (pidfd < 0) return pidfd; /* ESRCH: the process is gone */
    int copy = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
    int err = copy < 0 ? -errno : 0;
    close(pidfd);
    if (copy < 0) return err; /* EBADF: no such fd (any more); EPERM: refused */
    if (want & PDIG_SOCKNAME_LOCAL) out[0] = one_name(copy, 0, bytes);
    if (want & PDIG_SOCKNAME_PEER) out[1] = one_name(copy, 1, bytes + PDIG_SOCKNAME_MAX);
    close(copy);
    return 0;
}
