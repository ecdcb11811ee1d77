/*
 * The mechanism under the tracer's overlayfs layer lookup (io.pdig.tracer.OverlayLayers): a
 * watch on pdig's own mount table, so that what it parsed from /proc/self/mountinfo can be kept
 * until the table changes, and an lstat and a statfs of a path given as raw bytes (Java's file API
 * would re-encode it in the JVM's file name charset, and has no statfs). And under the read-only
 * superblock lookup (io.pdig.tracer.MountNamespaces): the same watch on a tracee's mount
 * namespace, the table read through it, and which namespace a process is in.
 * Owner: the thread that owns the OverlayLayers or MountNamespaces (the tracer thread); each fd is
 * its owner's alone.
 */
#include "pdig.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
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

/*
 * A watch on the mount table of process PID's mount namespace: an fd of /proc/PID/mountinfo,
 * reporting changes as pdig_mounts_watch's does. The open takes a reference on the namespace
 * (and on the process's root), not on the process: after the process has exited the fd still
 * reports that namespace's changes and still reads its table (pdig_mounts_read), and it keeps the
 * namespace, with its mounts, alive until it is closed.
 */
int pdig_mounts_watch_pid(int pid) {
    char path[40];
    snprintf(path, sizeof path, "/proc/%d/mountinfo", pid);
    int fd;
    do fd = open(path, O_RDONLY | O_CLOEXEC); while (fd < 0 && errno == EINTR);
    return fd < 0 ? -errno : fd;
}

/*
 * The whole table of a watch fd, generated afresh from its start: up to cap bytes into buf.
 * Returns the bytes read, or -errno. cap bytes means it may not all have fit. The kernel hands
 * the table out about a page per read, so this loops to the end; the reads do not touch the
 * poll state (only pdig_mounts_changed does).
 */
long pdig_mounts_read(int fd, char *buf, long cap) {
    off_t o;
    do o = lseek(fd, 0, SEEK_SET); while (o < 0 && errno == EINTR);
    if (o < 0) return -errno;
    long n = 0;
    while (n < cap) {
        ssize_t r = read(fd, buf + n, (size_t)(cap - n));
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return -errno;
        if (r == 0) break;
        n += r;
    }
    return n;
}

/*
 * Which mount namespace process PID is in: the inode number of /proc/PID/ns/mnt (what readlink
 * shows as mnt:[N]), unique among the namespaces that exist. -errno when the process is gone.
 */
long pdig_mnt_ns(int pid) {
    char path[40];
    snprintf(path, sizeof path, "/proc/%d/ns/mnt", pid);
    struct stat st;
    int r;
    do r = stat(path, &st); while (r < 0 && errno == EINTR);
    return r < 0 ? -errno : (long)st.st_ino;
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
