/* Children that die of kernel-sent fault signals, whose siginfo carries the faulting address:
 * a write to 0x1234 (SIGSEGV, SEGV_MAPERR, si_addr=0x1234), a write to 0x100000001234 (an
 * address wider than 32 bits, so both halves of si_addr show), and int3 (SIGTRAP, SI_KERNEL,
 * si_addr=NULL). Prints "status S" per child (the raw wait status). */
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void die_writing(uintptr_t addr)
{
    pid_t p = fork();
    if (p == 0) {
        *(volatile int *) addr = 1;
        _exit(0);
    }
    int st = 0;
    waitpid(p, &st, 0);
    dprintf(1, "status %d\n", st);
}

int main(void)
{
    die_writing(0x1234);
    die_writing(0x100000001234UL);
    pid_t p = fork();
    if (p == 0) {
        __asm__ volatile("int3");
        _exit(0);
    }
    int st = 0;
    waitpid(p, &st, 0);
    dprintf(1, "status %d\n", st);
    return 0;
}
