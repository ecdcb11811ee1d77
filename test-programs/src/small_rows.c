/* Calls of shells, coreutils, lock helpers and runtimes with their own signal stacks, as strace
 * shows them, raw syscalls: umask's masks and the old one it returns (octal); flock's operation
 * (a bad fd EBADF, LOCK_READ refused EINVAL); rt_sigsuspend's mask, woken by a SIGALRM with a
 * handler; sigaltstack's stacks (set, read back, disabled, an unreadable one EFAULT);
 * getresuid's and getresgid's ids (an unwritable pointer EFAULT). The lock file is argv[1]
 * (fd 3). Prints "stack S" (the alternate stack's address). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

static void on_alarm(int sig)
{
    (void) sig;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    syscall(SYS_umask, 022);
    syscall(SYS_umask, 0777);
    syscall(SYS_umask, 0);
    int fd = open(argv[1], O_CREAT | O_RDWR, 0600);
    if (fd != 3) return 1;
    syscall(SYS_flock, fd, LOCK_EX);
    syscall(SYS_flock, fd, LOCK_SH | LOCK_NB);
    syscall(SYS_flock, fd, LOCK_UN);
    syscall(SYS_flock, 99, LOCK_EX);      /* EBADF */
    syscall(SYS_flock, fd, 0x40);         /* EINVAL */
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    sigset_t none;
    sigemptyset(&none);
    struct itimerval it = {{0, 0}, {0, 10000}};
    setitimer(ITIMER_REAL, &it, NULL);
    syscall(SYS_rt_sigsuspend, &none, 8);
    void *sp = malloc(65536);
    stack_t ss = {sp, 0, 65536}, old;
    syscall(SYS_sigaltstack, &ss, NULL);
    syscall(SYS_sigaltstack, NULL, &old);
    ss.ss_flags = SS_DISABLE;
    syscall(SYS_sigaltstack, &ss, &old);
    syscall(SYS_sigaltstack, (void *) 8, NULL);  /* EFAULT */
    uid_t r, e, s;
    syscall(SYS_getresuid, &r, &e, &s);
    syscall(SYS_getresgid, &r, &e, &s);
    syscall(SYS_getresuid, NULL, &e, &s);        /* EFAULT */
    printf("stack %p\n", sp);
    return 0;
}
