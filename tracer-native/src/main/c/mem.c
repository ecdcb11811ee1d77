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
#include <sys/stat.h>
#include <sys/statfs.h>
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

/*
 * Reads several files of /proc/PID in one call, for the exec snapshot: one lookup of /proc/PID
 * (the files are opened relative to it) and plain open/read/close per file, without the fstat and
 * the per-file objects of a Java stream. `names` holds `count` NUL-terminated names; a name that
 * starts with '>' is a symbolic link (read with readlinkat, e.g. ">exe"). lens[i] is, on entry,
 * the most bytes file i may take and, on return, the bytes it took (its contents follow the
 * previous file's in `out`) or -errno. Two more prefixes give an entry's metadata instead of its
 * contents, as the raw kernel struct (the caller knows the layout): '@' a struct statx of what the
 * entry points at (mask STATX_BASIC_STATS | STATX_MNT_ID; "@exe": the executable's inode), '%' a
 * struct statfs of it ("%exe": the executable's filesystem). Each is one syscall; there is no
 * statfs relative to a directory fd, so '%' names the path again. Returns the bytes used, or
 * -errno when /proc/PID itself cannot be opened (the process is gone).
 */
/* statx and statfs of a /proc entry, retried when the tracer's wake signal (no SA_RESTART)
 * interrupts them, as the reads below are. */
static int stat_entry_x(int dir, const char *name, struct statx *sx) {
    int r;
    do {
        r = statx(dir, name, AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS | STATX_MNT_ID, sx);
    } while (r < 0 && errno == EINTR);
    return r;
}

static int stat_entry_fs(const char *path, struct statfs *sf) {
    int r;
    do {
        r = statfs(path, sf);
    } while (r < 0 && errno == EINTR);
    return r;
}

long pdig_read_proc_files(int pid, const char *names, int count, int32_t *lens, char *out, long cap) {
    char path[32];
    snprintf(path, sizeof path, "/proc/%d", pid);
    int dir;
    do dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC); while (dir < 0 && errno == EINTR);
    if (dir < 0) return -errno;
    long used = 0;
    const char *name = names;
    for (int i = 0; i < count; i++, name += strlen(name) + 1) {
        long want = lens[i] < cap - used ? lens[i] : cap - used;
        char *dst = out + used;
        long n;
        if (name[0] == '>') {
            ssize_t r = readlinkat(dir, name + 1, dst, (size_t)want);
            n = r < 0 ? -errno : r;
        } else if (name[0] == '@') {
            struct statx sx;
            if (want < (long)sizeof sx) {
                n = -EOVERFLOW;
            } else if (stat_entry_x(dir, name + 1, &sx) < 0) {
                n = -errno;
            } else {
                memcpy(dst, &sx, sizeof sx);
                n = sizeof sx;
            }
        } else if (name[0] == '%') {
            struct statfs sf;
            char full[96];
            snprintf(full, sizeof full, "/proc/%d/%s", pid, name + 1);
            if (want < (long)sizeof sf) {
                n = -EOVERFLOW;
            } else if (stat_entry_fs(full, &sf) < 0) {
                n = -errno;
            } else {
                memcpy(dst, &sf, sizeof sf);
                n = sizeof sf;
            }
        } else {
            int fd;
            /* The tracer thread's wake signal has no SA_RESTART: retry what it interrupts. */
            do fd = openat(dir, name, O_RDONLY | O_CLOEXEC); while (fd < 0 && errno == EINTR);
            if (fd < 0) {
                n = -errno;
            } else {
                n = 0;
                while (n < want) {
                    ssize_t r = read(fd, dst + n, (size_t)(want - n));
                    if (r < 0 && errno == EINTR) continue;
                    if (r < 0) {
                        if (n == 0) n = -errno;
                        break;
                    }
                    if (r == 0) break;
                    n += r;
                    /*
                     * A short read is the end of the file: every file the snapshot reads hands
                     * over all it has, up to the count asked, in one read (seq_file files after
                     * one show(); cmdline and environ loop over the pages themselves). Without
                     * this, each file costs a second read that returns 0.
                     */
                    if (r < want - (n - r)) break;
                }
                close(fd);
            }
        }
        lens[i] = (int32_t)n;
        if (n > 0) used += n;
    }
    close(dir);
    return used;
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
