/* statx as strace shows it: the sync type named first in the flags, the mask by name, the struct
 * abbreviated (a device, the root directory with its mount-root attribute, the program itself by
 * AT_EMPTY_PATH), and a failed call's buffer as its address. Raw syscalls. */
#include <fcntl.h>
#include <linux/stat.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    struct statx stx;
    syscall(SYS_statx, AT_FDCWD, "/dev/null", AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, STATX_ALL, &stx);
    syscall(SYS_statx, AT_FDCWD, "/", 0, STATX_MODE | STATX_SIZE, &stx);
    printf("root mode 0%o size %llu attributes 0x%llx\n", stx.stx_mode & 07777, (unsigned long long)stx.stx_size,
           (unsigned long long)stx.stx_attributes);
    fflush(stdout);
    int fd = open("/proc/self/exe", O_RDONLY);
    syscall(SYS_statx, fd, "", AT_EMPTY_PATH | AT_STATX_DONT_SYNC, STATX_BASIC_STATS, &stx);
    printf("exe mode 0%o size %llu\n", stx.stx_mode & 07777, (unsigned long long)stx.stx_size);
    fflush(stdout);
    syscall(SYS_statx, AT_FDCWD, "/nonexistent/pdig", AT_STATX_FORCE_SYNC, STATX_TYPE, &stx);
    return 0;
}
