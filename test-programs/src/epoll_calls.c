/* The epoll calls as strace shows them, raw syscalls on a pipe (read end 3, write end 4, epoll
 * fd 5): epoll_create's size; epoll_ctl's event with its data as both union members, every
 * events bit at once (EINVAL: EPOLLEXCLUSIVE with MOD), a bad fd, a NULL event, an unknown
 * operation, EPOLL_CTL_DEL (its event is ignored: an address); what epoll_wait, epoll_pwait and
 * epoll_pwait2 returned ([] for none, fewer than ready when maxevents is smaller), a sigmask and
 * a timespec timeout; an unwritable buffer (EFAULT) and maxevents 0 (EINVAL) as addresses.
 * Prints "epoll E" (the epoll fd) and "ctl A B C D E F G" (each epoll_ctl's result). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    int p[2];
    if (pipe(p) != 0) return 1;
    int ep = syscall(SYS_epoll_create, 1);
    struct epoll_event ev = {EPOLLIN | EPOLLET, {.u64 = 0x100000007ULL}}, out[4];
    long a = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
    ev.events = EPOLLIN | EPOLLPRI | EPOLLOUT | EPOLLERR | EPOLLHUP | 0x20 | EPOLLRDNORM | EPOLLRDBAND | EPOLLWRNORM
            | EPOLLWRBAND | EPOLLMSG | EPOLLRDHUP | EPOLLEXCLUSIVE | EPOLLWAKEUP | EPOLLONESHOT | EPOLLET;
    long b = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[0], &ev);      /* EINVAL */
    ev.events = EPOLLOUT;
    ev.data.u64 = (uint64_t) p[1];
    long c = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], &ev);
    long d = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, 99, &ev);        /* EBADF */
    long e = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], NULL);     /* EFAULT */
    long f = syscall(SYS_epoll_ctl, ep, 7, p[0], &ev);                  /* EINVAL */
    syscall(SYS_epoll_wait, ep, out, 4, 0);
    ev.events = EPOLLIN;
    ev.data.u64 = 0xffffffffffffffffULL;
    long g = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[0], &ev);
    if (write(p[1], "x", 1) != 1) return 1;
    syscall(SYS_epoll_wait, ep, out, 4, 10);
    syscall(SYS_epoll_wait, ep, out, 1, 10);
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    syscall(SYS_epoll_pwait, ep, out, 4, 0, NULL, 8);
    syscall(SYS_epoll_pwait, ep, out, 4, 0, &s, 8);
    struct timespec ts = {0, 1000};
    syscall(SYS_epoll_pwait2, ep, out, 4, &ts, NULL, 8);
    syscall(SYS_epoll_wait, ep, (void *) 8, 4, 0);                      /* EFAULT */
    syscall(SYS_epoll_wait, ep, out, 0, 0);                             /* EINVAL */
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], &ev);
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[1], NULL);
    syscall(SYS_epoll_create, 0);                                       /* EINVAL */
    printf("epoll %d\nctl %ld %ld %ld %ld %ld %ld %ld\n", ep, a, b, c, d, e, f, g);
    return 0;
}
