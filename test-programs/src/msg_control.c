/* Control messages other than SCM_RIGHTS, as strace shows their data: SCM_CREDENTIALS sent on a
 * unix datagram pair (fds 3, 4; the receiver has SO_PASSCRED, so its copy arrives too), and the
 * old timestamps SO_TIMESTAMP (a timeval) and SO_TIMESTAMPNS (a timespec) received on UDP over
 * 127.0.0.1 (receiver 5, sender 6), then one whose control buffer is too short (MSG_CTRUNC: no
 * data kept). Prints "pid P", "ts S U" and "tsns S N" (the credentials sent, the timestamps got). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static union {
    char b[256];
    struct cmsghdr align;
} in;

/* Receives one datagram on fd with a control buffer of size bytes; returns its first message. */
static struct cmsghdr *receive(int fd, size_t size)
{
    char buf[64];
    struct iovec io = {buf, sizeof buf};
    struct msghdr r = {.msg_iov = &io, .msg_iovlen = 1, .msg_control = in.b, .msg_controllen = size};
    if (recvmsg(fd, &r, 0) < 0) return NULL;
    return CMSG_FIRSTHDR(&r);
}

int main(void)
{
    int sv[2], one = 1;
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0) return 1;
    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
    union {
        char b[CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } out;
    struct iovec io = {"hello", 5};
    struct msghdr m = {.msg_iov = &io, .msg_iovlen = 1, .msg_control = out.b, .msg_controllen = sizeof out.b};
    struct cmsghdr *h = CMSG_FIRSTHDR(&m);
    h->cmsg_level = SOL_SOCKET;
    h->cmsg_type = SCM_CREDENTIALS;
    h->cmsg_len = CMSG_LEN(sizeof(struct ucred));
    struct ucred u = {getpid(), getuid(), getgid()};
    memcpy(CMSG_DATA(h), &u, sizeof u);
    if (sendmsg(sv[0], &m, 0) != 5 || receive(sv[1], sizeof in.b) == NULL) return 1;
    printf("pid %d\n", (int) u.pid);

    int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t tolen = sizeof to;
    if (bind(r, (struct sockaddr *) &to, sizeof to) != 0 || getsockname(r, (struct sockaddr *) &to, &tolen) != 0) return 1;
    setsockopt(r, SOL_SOCKET, SO_TIMESTAMP, &one, sizeof one);
    sendto(s, "a", 1, 0, (struct sockaddr *) &to, sizeof to);
    struct cmsghdr *t = receive(r, sizeof in.b);
    if (t == NULL) return 1;
    struct timeval tv;
    memcpy(&tv, CMSG_DATA(t), sizeof tv);
    printf("ts %ld %ld\n", (long) tv.tv_sec, (long) tv.tv_usec);
    one = 0;
    setsockopt(r, SOL_SOCKET, SO_TIMESTAMP, &one, sizeof one);
    one = 1;
    setsockopt(r, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
    sendto(s, "b", 1, 0, (struct sockaddr *) &to, sizeof to);
    t = receive(r, sizeof in.b);
    if (t == NULL) return 1;
    struct timespec ts;
    memcpy(&ts, CMSG_DATA(t), sizeof ts);
    printf("tsns %ld %ld\n", (long) ts.tv_sec, ts.tv_nsec);
    sendto(s, "c", 1, 0, (struct sockaddr *) &to, sizeof to);
    receive(r, 20);
    return 0;
}
