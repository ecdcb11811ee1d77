/* poll as strace shows it: each pollfd's fd and events at the call, the revents the kernel wrote
 * after the result (only the ready ones), 0 as "Timeout", an fd of -1 that is skipped, an
 * unreadable array (EFAULT) as its address; then 40 pollfds all ready, of which strace shows 32
 * in the argument and in the result, each followed by "...". */
#include <poll.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    int p[2];
    if (pipe(p) != 0 || write(p[1], "x", 1) != 1) return 1;
    struct pollfd one[] = {{p[0], POLLIN, 0}};
    struct pollfd three[] = {{p[0], POLLIN | POLLPRI, 0}, {-1, POLLIN, 0}, {p[1], POLLOUT, 0}};
    struct pollfd idle[] = {{p[1], 0, 0}};
    long a = syscall(SYS_poll, one, 1, 0);
    long b = syscall(SYS_poll, three, 3, 10);
    long c = syscall(SYS_poll, idle, 1, 0);
    long d = syscall(SYS_poll, (void *)8, 1, 0);   /* EFAULT */
    struct pollfd many[40];
    for (int i = 0; i < 40; i++) many[i] = (struct pollfd) {p[1], POLLOUT, 0};
    if (syscall(SYS_poll, many, 40, 0) != 40) return 1;
    printf("poll %ld %ld %ld %ld fds %d %d\n", a, b, c, d, p[0], p[1]);
    return 0;
}
