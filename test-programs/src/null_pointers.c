/* Pointer arguments that are NULL, as strace shows them: brk(NULL) asks for the current break,
 * mmap(NULL, ...) lets the kernel choose the address while a non-NULL hint stays hex, and wait4
 * with NULL status and rusage (its options, a flag word, stay 0). Raw syscalls, so libc adds nothing. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    syscall(SYS_brk, 0);
    syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap, 0x200000000UL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    pid_t c = fork();
    if (c == 0) _exit(0);
    syscall(SYS_wait4, c, NULL, 0, NULL);
    printf("child %d\n", c);
    return 0;
}
