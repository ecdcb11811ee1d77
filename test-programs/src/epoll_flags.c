/* epoll_create1 as strace shows it: EPOLL_CLOEXEC by name, 0, and an unknown bit (EINVAL) in hex. */
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long a = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
    long b = syscall(SYS_epoll_create1, 0);
    long c = syscall(SYS_epoll_create1, EPOLL_CLOEXEC | 1);   /* EINVAL */
    printf("epoll %ld %ld %ld\n", a, b, c);
    return 0;
}
