/* setgroups as strace shows it, raw syscalls: the list it sets (three ids, none, NULL, 40 ids
 * of which strace shows 32 then "..."), an unreadable list (EFAULT) and counts the kernel refuses
 * before reading (above NGROUPS_MAX, negative: EINVAL) as their address. Run as root the valid
 * calls succeed (else EPERM, shown the same way). Prints "list L" (the array's address). */
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

int main(void)
{
    gid_t g[40];
    for (int i = 0; i < 40; i++) g[i] = i;
    syscall(SYS_setgroups, 3, g + 1);
    syscall(SYS_setgroups, 0, NULL);
    syscall(SYS_setgroups, 0, g);
    syscall(SYS_setgroups, 40, g);
    syscall(SYS_setgroups, 2, (void *) 8);  /* EFAULT */
    syscall(SYS_setgroups, 70000, g);       /* EINVAL */
    syscall(SYS_setgroups, -1, g);          /* EINVAL */
    printf("list %p\n", (void *) g);
    return 0;
}
