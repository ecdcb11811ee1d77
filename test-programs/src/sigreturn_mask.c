/* rt_sigreturn restores the mask saved in the signal frame: the mask before the handler ran, not
 * the handler's sa_mask. Three deliveries of SIGUSR1 (whose sa_mask holds SIGTERM, which must not
 * show): with nothing blocked, with SIGINT and SIGUSR2 blocked, and with every signal but SIGUSR1
 * blocked (strace shows that set as its complement). Prints the offset of uc_sigmask in the
 * ucontext the handler receives, and the handler's ucontext address less the stack pointer the
 * kernel will see at rt_sigreturn (the handler's return address is popped by then: 8 bytes).
 * Last, a child calls rt_sigreturn with its stack pointer at 0x10000 (unmapped): no frame to read,
 * and the kernel kills it with SIGSEGV. */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static volatile long frame_gap = -1;

static void handler(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    /* __builtin_frame_address(0) + 16 is the stack pointer before the call into the handler:
     * the kernel's return address (8) and the saved frame pointer (8) lie below it. */
    frame_gap = (long)((char *)uc - ((char *)__builtin_frame_address(0) + 16));
}

int main(void)
{
    struct sigaction sa = {0};
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaction(SIGUSR1, &sa, NULL);

    /* The mask inherited from the caller (a test's JVM blocks SIGQUIT) is not this test's. */
    sigset_t m;
    sigemptyset(&m);
    sigprocmask(SIG_SETMASK, &m, NULL);
    kill(getpid(), SIGUSR1);

    sigaddset(&m, SIGINT);
    sigaddset(&m, SIGUSR2);
    sigprocmask(SIG_BLOCK, &m, NULL);
    kill(getpid(), SIGUSR1);

    sigfillset(&m);
    sigdelset(&m, SIGUSR1);
    sigprocmask(SIG_SETMASK, &m, NULL);
    kill(getpid(), SIGUSR1);

    sigemptyset(&m);
    sigprocmask(SIG_SETMASK, &m, NULL);
    pid_t child = fork();
    if (child == 0) {
        __asm__ volatile("mov $0x10000, %%rsp\n\tmov $15, %%eax\n\tsyscall" ::: "memory");
        _exit(1); /* not reached */
    }
    int status = 0;
    waitpid(child, &status, 0);
    printf("child signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    printf("uc_sigmask at %zu, frame gap %ld\n", offsetof(ucontext_t, uc_sigmask), frame_gap);
    return 0;
}
