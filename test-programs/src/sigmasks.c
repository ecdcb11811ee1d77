/* rt_sigprocmask as strace shows it: an empty mask set first, a set of two signals blocked (the old mask, empty, written
 * back), a mask with more than half the signals set (strace's ~[...]) with no old set asked for,
 * a query with no new set, a failing call (bad how: EINVAL, the old set is not written) and a
 * sigsetsize the kernel refuses. Raw syscalls, so libc adds nothing to the sets. */
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    uint64_t none = 0;
    /* Start from an empty mask: the parent may have left signals blocked (a test runner blocks SIGQUIT). */
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);
    uint64_t set = (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1));
    uint64_t old = 0xdead;
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8);
    uint64_t most = ~((1ULL << (32 - 1)) | (1ULL << (33 - 1)));
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &most, NULL, 8);
    syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, NULL, &old, 8);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);
    syscall(SYS_rt_sigprocmask, 7, &set, &old, 8);
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 4);
    return 0;
}
