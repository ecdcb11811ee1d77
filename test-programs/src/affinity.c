/* sched_getaffinity as strace shows it: the CPUs of the mask the kernel wrote (the result counts
 * its bytes), a length the kernel refuses (EINVAL) with the mask's address. Prints the CPUs it
 * got, so a test can compare them with the traced line. */
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    unsigned long mask[16] = {0};
    long n = syscall(SYS_sched_getaffinity, 0, sizeof mask, mask);
    long e = syscall(SYS_sched_getaffinity, 0, 4, mask);   /* EINVAL: not a multiple of a long */
    printf("affinity %ld %ld mask@%p cpus", n, e, (void *)mask);
    for (long b = 0; b < n * 8; b++) {
        if (mask[b / 64] >> (b % 64) & 1) printf(" %ld", b);
    }
    printf("\n");
    return 0;
}
