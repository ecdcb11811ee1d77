/* futex as strace shows it: the arguments each operation reads (a wake takes three, a wait four,
 * a bitset wait skips uaddr2 for its bitset), the operation named with _PRIVATE and
 * FUTEX_CLOCK_REALTIME. The waits fail at once (EAGAIN: the word is not the expected value) or
 * time out (1 ns, or an absolute time long past), so nothing blocks; a wait's timeout is shown as
 * the struct it reads, an unreadable one (EFAULT) as its address. Raw syscalls. */
#include <linux/futex.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    uint32_t word = 1;
    struct timespec ns = {0, 1};
    syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    syscall(SYS_futex, &word, FUTEX_WAKE, 2147483647, NULL, NULL, 0);
    syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
    syscall(SYS_futex, &word, FUTEX_WAIT, 2, NULL, NULL, 0);
    syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 2, NULL, NULL, FUTEX_BITSET_MATCH_ANY);
    syscall(SYS_futex, &word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x5);
    syscall(SYS_futex, &word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
    syscall(SYS_futex, &word, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &ns, 7);
    syscall(SYS_futex, &word, 99, 1, NULL, NULL, 0);
    struct timespec past = {1, 0};
    syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, &ns, NULL, 0);                     /* ETIMEDOUT */
    syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1, &past, NULL, FUTEX_BITSET_MATCH_ANY); /* ETIMEDOUT */
    syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, (void *) 8, NULL, 0);              /* EFAULT */
    printf("word %p\n", (void *)&word);
    return 0;
}
