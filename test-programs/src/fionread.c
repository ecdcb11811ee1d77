/* ioctl FIONREAD as strace shows it: the int the kernel wrote (the bytes waiting in a pipe), and a
 * request on an fd that does not take it (ENOTTY) with the argument's address. */
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    int p[2], n = -1;
    if (pipe(p) != 0 || write(p[1], "twenty-seven bytes waiting", 27) != 27) return 1;
    long a = syscall(SYS_ioctl, p[0], FIONREAD, &n);
    int m = -1;
    long e = syscall(SYS_ioctl, p[0], TIOCOUTQ, &m);   /* ENOTTY: a pipe is no terminal */
    printf("fionread %ld %d %ld arg@%p\n", a, n, e, (void *)&m);
    return 0;
}
