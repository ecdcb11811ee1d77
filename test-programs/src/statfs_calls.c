/* statfs and fstatfs as strace shows the struct statfs, raw syscalls: "/" (its free counts are
 * printed, as they change between runs), /proc, fstatfs of an fd of "/" (fd 3), a missing path
 * (ENOENT) and an unwritable buffer (EFAULT) as addresses; then argv[1], when given (a mount
 * with flags of its own). Prints "root BFREE BAVAIL FFREE" for the first call's struct. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct statfs s, t;
    if (syscall(SYS_statfs, "/", &s) != 0) return 1;
    syscall(SYS_statfs, "/proc", &t);
    int fd = open("/", O_RDONLY | O_DIRECTORY);
    syscall(SYS_fstatfs, fd, &t);
    syscall(SYS_statfs, "/nonexistent", &t);   /* ENOENT */
    syscall(SYS_statfs, "/", (void *) 8);       /* EFAULT */
    if (argc > 1) syscall(SYS_statfs, argv[1], &t);
    printf("root %lu %lu %lu\n", (unsigned long) s.f_bfree, (unsigned long) s.f_bavail, (unsigned long) s.f_ffree);
    return 0;
}
