/*
 * Reading tracee memory. process_vm_readv is tried one page at a time (a read that crosses into an
 * unmapped page fails as a whole otherwise), and PTRACE_PEEKDATA is the fallback when
 * process_vm_readv is refused (undumpable tracee, EPERM; or ENOSYS). Must run on the tracer thread
 * for the fallback to work.
 */
#include "pdig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#define PAGE 4096UL

/* Reads [remote, remote+len) that lies within one page. Returns bytes read or -errno. */
static long read_chunk(int pid, unsigned long remote, char *local, unsigned long len) {
    struct iovec l = {.iov_base = local, .iov_len = len};
    struct iovec r = {.iov_base = (void *)remote, .iov_len = len};
    ssize_t n = process_vm_readv(pid, &l, 1, &r, 1, 0);
    if (n >= 0) return n;
    int err = errno;
    if (err != EPERM && err != ENOSYS && err != EACCES) return -err;
    /* Fallback: word by word with PEEKDATA (aligned words so we never cross the page). */
    unsigned long done = 0;
    while (done < len) {
        unsigned long addr = remote + done;
        unsigned long aligned = addr & ~(sizeof(long) - 1);
        errno = 0;
        long word = ptrace(PTRACE_PEEKDATA, pid, (void *)aligned, 0L);
        if (word == -1 && errno != 0) return done > 0 ? (long)done : -errno;
        unsigned long off = addr - aligned;
        unsigned long take = sizeof(long) - off;
        if (take > len - done) take = len - done;
        memcpy(local + done, (char *)&word + off, take);
        done += take;
    }
    return (long)done;
}

long pdig_read_mem(int pid, long remote, int64_t *local, long len) {
    unsigned long addr = (unsigned long)remote;
    char *dst = (char *)local;
    long done = 0;
    while (done < len) {
        unsigned long page_left = PAGE - ((addr + done) & (PAGE - 1));
        unsigned long want = (unsigned long)(len - done) < page_left ? (unsigned long)(len - done) : page_left;
        long n = read_chunk(pid, addr + done, dst + done, want);
        if (n <= 0) return done > 0 ? done : (n == 0 ? -EFAULT : n);
        done += n;
        if ((unsigned long)n < want) break;
    }
    return done;
}

/*
 * Reads a NUL-terminated string of at most max bytes. Returns -errno when nothing could be read;
 * otherwise the low 32 bits are the length copied (NUL excluded) and bit 32 is set when the NUL
 * was found (so "no bit" means truncated by the limit or by an unreadable page).
 */
long pdig_read_str(int pid, long remote, int64_t *local, long max) {
    unsigned long addr = (unsigned long)remote;
    char *dst = (char *)local;
    long done = 0;
    while (done < max) {
        unsigned long page_left = PAGE - ((addr + done) & (PAGE - 1));
        unsigned long want = (unsigned long)(max - done) < page_left ? (unsigned long)(max - done) : page_left;
        long n = read_chunk(pid, addr + done, dst + done, want);
        if (n <= 0) return done > 0 ? done : (n == 0 ? -EFAULT : n);
        char *nul = memchr(dst + done, 0, n);
        if (nul != NULL) return (long)(nul - dst) | (1L << 32);
        done += n;
        if ((unsigned long)n < want) break;
    }
    return done;
}

/* what: 0 = cwd, 1 = fd/N, 2 = exe, 3 = root. Returns the link length (not NUL-terminated) or -errno. */
int pdig_readlink_proc(int tid, int what, int fd, char *buf, int len) {
    char path[64];
    switch (what) {
    case 0: snprintf(path, sizeof path, "/proc/%d/cwd", tid); break;
    case 1: snprintf(path, sizeof path, "/proc/%d/fd/%d", tid, fd); break;
    case 2: snprintf(path, sizeof path, "/proc/%d/exe", tid); break;
    case 3: snprintf(path, sizeof path, "/proc/%d/root", tid); break;
    default: return -EINVAL;
    }
    ssize_t n = readlink(path, buf, len);
    if (n < 0) return -errno;
    return (int)n;
}
