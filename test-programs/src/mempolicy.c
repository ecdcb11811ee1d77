/* The NUMA memory policy calls as strace shows them, raw syscalls: set_mempolicy with node masks
 * of one long, of three (maxnode 130: the kernel takes 129 bits) and of none, a mode with a flag,
 * an unknown mode (EINVAL), an unreadable mask (EFAULT) and a maxnode that gives no bit (EINVAL);
 * get_mempolicy of the mode and a mask of 16 longs (as ps asks), of the mode alone, of nothing,
 * of an address's policy and node, of the allowed nodes, with an unknown flag (EINVAL); mbind of
 * a mapping, with and without a mask, with an unknown flag (EINVAL). Node 0 exists everywhere.
 * Prints "map A" (the mapping's address). */
#include <linux/mempolicy.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    unsigned long mask[16] = {1, 0, 0x8000000000000000UL};
    int mode = -1;
    syscall(SYS_set_mempolicy, MPOL_BIND, mask, 2);
    syscall(SYS_get_mempolicy, &mode, mask, 1025, 0, 0);
    syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
    syscall(SYS_set_mempolicy, MPOL_PREFERRED | MPOL_F_STATIC_NODES, mask, 64);
    syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, mask, 130);
    syscall(SYS_set_mempolicy, 77, mask, 64);                      /* EINVAL */
    syscall(SYS_set_mempolicy, MPOL_BIND, 8, 64);                  /* EFAULT */
    syscall(SYS_set_mempolicy, MPOL_BIND, mask, 1);                /* EINVAL */
    syscall(SYS_get_mempolicy, &mode, NULL, 0, 0, 0);
    syscall(SYS_get_mempolicy, NULL, NULL, 0, 0, 0);
    syscall(SYS_get_mempolicy, &mode, mask, 10, 0, 0);
    void *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_get_mempolicy, &mode, NULL, 0, m, MPOL_F_NODE | MPOL_F_ADDR);
    syscall(SYS_get_mempolicy, &mode, mask, 64, 0, MPOL_F_MEMS_ALLOWED);
    syscall(SYS_get_mempolicy, &mode, NULL, 0, 0, 0x40);           /* EINVAL */
    mask[0] = 1;
    syscall(SYS_mbind, m, 8192, MPOL_BIND, mask, 2, MPOL_MF_STRICT | MPOL_MF_MOVE);
    syscall(SYS_mbind, m, 8192, MPOL_DEFAULT, NULL, 0, 0);
    syscall(SYS_mbind, m, 8192, MPOL_PREFERRED, mask, 64, 0x80);   /* EINVAL */
    syscall(SYS_set_mempolicy, MPOL_LOCAL, NULL, 0);
    printf("map %p\n", m);
    return 0;
}
