/* madvise as strace shows it: the address (NULL for 0), the length, the advice by name (an
 * unaligned address fails with EINVAL; an unknown advice is a number, strace's 0x3e7 with a
 * comment). Raw syscalls, so no libc wrapper changes what reaches the kernel. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    char *p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return 1;
    long a = syscall(SYS_madvise, p, 65536, MADV_DONTNEED);
    long b = syscall(SYS_madvise, p, 4096, MADV_WILLNEED);
    long c = syscall(SYS_madvise, p, 8192, MADV_DONTDUMP);
    long d = syscall(SYS_madvise, p + 1, 4096, MADV_NORMAL);   /* EINVAL */
    long e = syscall(SYS_madvise, NULL, 0, MADV_NORMAL);
    long f = syscall(SYS_madvise, p, 8192, 999);               /* EINVAL */
    printf("madvise %ld %ld %ld %ld %ld %ld at %p\n", a, b, c, d, e, f, (void *) p);
    return 0;
}
