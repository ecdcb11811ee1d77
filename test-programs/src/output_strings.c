/* Paths the kernel writes into the caller's buffer: getcwd, readlink and readlinkat of
 * /proc/self/exe, then each failing (a buffer too small for the cwd: ERANGE; a file that is no
 * link: EINVAL; an unmapped buffer: EFAULT), where nothing was written and only the address can be
 * shown. Raw syscalls, so libc adds nothing. Prints what it read, for the test to compare. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    char cwd[4096], exe[4096], tiny[2];
    long n = syscall(SYS_getcwd, cwd, sizeof cwd);
    long m = syscall(SYS_readlink, "/proc/self/exe", exe, sizeof exe);
    syscall(SYS_readlinkat, AT_FDCWD, "/proc/self/exe", exe, 64L);
    syscall(SYS_getcwd, tiny, sizeof tiny);
    syscall(SYS_readlink, "/proc/self/status", exe, sizeof exe);
    syscall(SYS_readlink, "/proc/self/exe", (char *)8, 16L);
    /* five bytes of the target: readlink cuts silently and returns 5 */
    syscall(SYS_readlinkat, AT_FDCWD, "/proc/self/exe", exe, 5L);
    printf("cwd %s %ld exe %.*s %ld\n", cwd, n, (int)m, exe, m);
    return 0;
}
