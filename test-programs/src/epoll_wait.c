/* G4: blocks in epoll_wait(-1) on a FIFO (argv[1]) and counts EINTR returns; attaching with
 * PTRACE_SEIZE must cause none. Ends when a byte arrives: prints "eintr N" and exits 0. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) return 64;
    int fd = open(argv[1], O_RDWR | O_NONBLOCK);
    if (fd < 0) { perror("open"); return 1; }
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    dprintf(1, "ready %d\n", getpid());
    int eintr = 0;
    for (;;) {
        int n = epoll_wait(ep, &ev, 1, -1);
        if (n < 0 && errno == EINTR) {
            eintr++;
            dprintf(1, "EINTR %d\n", eintr);
            continue;
        }
        if (n > 0) break;
    }
    dprintf(1, "eintr %d\n", eintr);
    return 0;
}
