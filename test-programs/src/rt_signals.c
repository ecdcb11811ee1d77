/* Real-time signals by number, for comparing pdig's --print names with strace's (SIGRTMIN for 32,
 * SIGRT_n for 32+n). With every signal blocked (raw rt_sigprocmask: glibc's sigprocmask refuses
 * 32 and 33, which it reserves), it sends itself 33, 34 and 64 with kill, 40 with tgkill and 63
 * with tkill; none is delivered. Then a child unblocks everything and dies of SIGRT_1 (33), which
 * gives a delivery line and a "killed by" line; it first resets 33 to SIG_DFL with a raw
 * rt_sigaction, since an ignored disposition is inherited (a JVM test runner's child may start with
 * it). Prints "child status S" (the raw wait status). */
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    unsigned long all = ~0UL, none = 0;
    syscall(SYS_rt_sigprocmask, 0 /* SIG_BLOCK */, &all, NULL, sizeof all);
    pid_t self = (pid_t) syscall(SYS_getpid);
    syscall(SYS_kill, self, 33);
    syscall(SYS_kill, self, 34);
    syscall(SYS_kill, self, 64);
    syscall(SYS_tgkill, self, self, 40);
    syscall(SYS_tkill, self, 63);
    pid_t child = fork();
    if (child == 0) {
        unsigned long dfl[4] = {0, 0, 0, 0}; /* kernel sigaction: SIG_DFL, no flags, restorer, mask */
        syscall(SYS_rt_sigaction, 33, dfl, NULL, sizeof none);
        syscall(SYS_rt_sigprocmask, 2 /* SIG_SETMASK */, &none, NULL, sizeof none);
        syscall(SYS_kill, syscall(SYS_getpid), 33);
        _exit(9); /* not reached: SIGRT_1's default action ends the process */
    }
    int status = 0;
    waitpid(child, &status, 0);
    dprintf(1, "child status %d\n", status);
    return 0;
}
