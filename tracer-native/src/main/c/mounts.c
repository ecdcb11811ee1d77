/*
 * The mechanism under the tracer's overlayfs layer lookup (io.pdig.tracer.OverlayLayers): a
 * watch on pdig's own mount table, so that what it parsed from /proc/self/mountinfo can be kept
 * until the table changes, and an lstat and a statfs of a path given as raw bytes (Java's file API
 * would re-encode it in the JVM's file name charset, and has no statfs).
 * Owner: the thread that owns the OverlayLayers (the tracer thread); the fd is its alone.
 */
#include "pdig.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

/*
 * An fd of /proc/self/mountinfo whose poll reports a change of the mount namespace's table
 * (mount, unmount, move, remount) after the open and after each pdig_mounts_changed that saw one.
 */
int pdig_mounts_watch(void) {
    int fd;
    do fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC); while (fd < 0 && errno == EINTR);
    return fd < 0 ? -errno : fd;
}

/*
 * 1 when the table changed since the watch was opened or since the last call that returned 1,
 * else 0 (a poll that does not wait: the kernel sets POLLPRI while its event count differs from
 * the one the file last saw, and the poll itself catches the file up); -errno on failure.
 */
int pdig_mounts_changed(int fd) {
    struct pollfd p = {.fd = fd, .events = POLLPRI};
    int r;
    do r = poll(&p, 1, 0); while (r < 0 && errno == EINTR);
    if (r < 0) return -errno;
    if (p.revents & POLLNVAL) return -EBADF;
    return (p.revents & (POLLPRI | POLLERR)) != 0;
}

int pdig_mounts_unwatch(int fd) {
    return close(fd) < 0 ? -errno : 0;
}

/* lstat of a NUL-terminated path: out[0] = st_mode, out[1] = st_rdev; 0 or -errno. */
int pdig_lstat(const char *path, int64_t *out) {
    struct stat st;
    int r;
    do r = lstat(path, &st); while (r < 0 && errno == EINTR);
    if (r < 0) return -errno;
    out[0] = st.st_mode;
    out[1] = (int64_t)st.st_rdev;
    return 0;
}

/*
 * statfs of a NUL-terminated path: out[0] = f_type, out[1] = f_bsize, out[2] = f_blocks,
 * out[3] = f_files (the caller picks what identifies the filesystem for it); 0 or -errno.
 */
int pdig_statfs(const char *path, int64_t *out) {
    struct statfs sf;
    int r;
    do r = statfs(path, &sf); while (r < 0 && errno == EINTR);
    if (r < 0) return -errno;
    out[0] = (int64_t)sf.f_type;
    out[1] = (int64_t)sf.f_bsize;
    out[2] = (int64_t)sf.f_blocks;
    out[3] = (int64_t)sf.f_files;
    return 0;
}
