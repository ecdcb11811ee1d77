/* rt_sigaction as strace shows it, with raw syscalls and the kernel's struct (so libc adds no
 * SA_RESTORER of its own): a default action set with no old action asked for, a handler with
 * flags, a mask and a restorer (never called: nothing delivers SIGUSR1) with the old action
 * written back, a query, SIG_IGN with a mask of most signals, a call the kernel refuses (SIGKILL:
 * the old action is not written) and a sigsetsize it refuses (nothing is read). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

struct ksigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};

#define SA_RESTORER_FLAG 0x04000000UL

static void on_usr1(int sig) { (void)sig; }

int main(void)
{
    struct ksigaction act = {SIG_DFL, 0, NULL, 0}, old;
    syscall(SYS_rt_sigaction, SIGUSR1, &act, NULL, 8);
    act.handler = on_usr1;
    act.flags = SA_RESTORER_FLAG | SA_RESTART | SA_SIGINFO;
    act.restorer = (void (*)(void))0x1234;
    act.mask = 1ULL << (SIGTERM - 1);
    syscall(SYS_rt_sigaction, SIGUSR1, &act, &old, 8);
    syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 8);
    struct ksigaction ign = {SIG_IGN, SA_NODEFER | SA_RESETHAND | SA_ONSTACK | SA_NOCLDSTOP, NULL,
                             ~((1ULL << (32 - 1)) | (1ULL << (33 - 1)))};
    syscall(SYS_rt_sigaction, SIGUSR2, &ign, NULL, 8);
    old.flags = 0xdead;
    syscall(SYS_rt_sigaction, SIGKILL, &ign, &old, 8);
    syscall(SYS_rt_sigaction, SIGUSR1, &act, &old, 4);
    printf("handler %p\n", (void *)on_usr1);
    return 0;
}
