/* ppoll as strace shows it, raw syscalls on a pipe (read end 3 with a byte in it, write end 4):
 * the pollfds, the timeout read at the entry and, after a positive result, the time left the
 * kernel wrote back; a NULL timeout, a sigmask; 0 as "Timeout"; an unreadable array or timeout
 * (EFAULT) and a sigsetsize the kernel refuses (EINVAL: the mask as its address).
 * Prints "left S N" (the time left after the first call), then "ppoll A B C D E F G". */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    int p[2];
    if (pipe(p) != 0 || write(p[1], "x", 1) != 1) return 1;
    struct pollfd one[] = {{p[0], POLLIN, 0}}, two[] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}}, idle[] = {{p[1], 0, 0}};
    struct timespec t = {1, 0}, z = {0, 0}, tiny = {0, 1000};
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGTERM);
    long a = syscall(SYS_ppoll, one, 1, &t, NULL, 8);
    printf("left %ld %ld\n", (long) t.tv_sec, t.tv_nsec);
    long b = syscall(SYS_ppoll, two, 2, NULL, &s, 8);
    long c = syscall(SYS_ppoll, idle, 1, &z, NULL, 8);
    long d = syscall(SYS_ppoll, idle, 1, &tiny, &s, 8);
    long e = syscall(SYS_ppoll, (void *) 8, 1, &z, NULL, 8);   /* EFAULT */
    long f = syscall(SYS_ppoll, one, 1, (void *) 8, NULL, 8);  /* EFAULT */
    long g = syscall(SYS_ppoll, one, 1, &z, &s, 7);            /* EINVAL */
    printf("ppoll %ld %ld %ld %ld %ld %ld %ld\n", a, b, c, d, e, f, g);
    return 0;
}
