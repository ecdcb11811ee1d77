/* utimensat as strace shows its times, raw syscalls: set to two dates (each with strace's date
 * comment), to now (NULL), to UTIME_NOW and UTIME_OMIT, to the epoch and before it, an invalid
 * tv_nsec (EINVAL), through a symlink (AT_SYMLINK_NOFOLLOW), through an fd and a NULL path (as
 * touch does with its stdin), and an unreadable times array (EFAULT). The file is argv[1]. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long set(int dirfd, const char *path, long s0, long n0, long s1, long n1, int flags)
{
    struct timespec t[2] = {{s0, n0}, {s1, n1}};
    return syscall(SYS_utimensat, dirfd, path, t, flags);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    const char *f = argv[1];
    set(AT_FDCWD, f, 1796638272, 0, 1796638272, 123456789, 0);          /* 2026-12-07T10:11:12 */
    syscall(SYS_utimensat, AT_FDCWD, f, NULL, 0);
    set(AT_FDCWD, f, 0, UTIME_NOW, 0, UTIME_OMIT, 0);
    set(AT_FDCWD, f, 0, 0, -1, 999999999, 0);                            /* the epoch and 1969 */
    set(AT_FDCWD, f, 5, 1000000000, 5, 0, 0);                            /* EINVAL */
    set(AT_FDCWD, f, 4102444800, 0, 86400, 1, AT_SYMLINK_NOFOLLOW);      /* 2100-01-01, 1970-01-02 */
    int fd = open(f, O_RDONLY);
    set(fd, NULL, 1000000000, 0, 1000000000, 0, 0);                      /* 2001-09-09 */
    syscall(SYS_utimensat, AT_FDCWD, f, 8, 0);                           /* EFAULT */
    return 0;
}
