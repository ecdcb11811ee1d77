/* getgroups as strace shows it: the count query with NULL, the list the kernel wrote, a buffer too
 * small (EINVAL) as its address, an empty list as []. Sets its own groups first (it runs as root),
 * so the list is known. */
#include <grp.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    gid_t set[] = {0, 4, 27}, got[8];
    if (setgroups(3, set) != 0) return 1;
    long n = syscall(SYS_getgroups, 0, NULL);
    long m = syscall(SYS_getgroups, 8, got);
    long e = syscall(SYS_getgroups, 1, got);   /* EINVAL: three groups do not fit */
    if (setgroups(0, NULL) != 0) return 1;
    long z = syscall(SYS_getgroups, 8, got);   /* no groups left: nothing written */
    printf("groups %ld %ld %ld %ld buf@%p\n", n, m, e, z, (void *)got);
    return 0;
}
