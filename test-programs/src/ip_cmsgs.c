/* SOL_IP control messages as strace shows them, over UDP on 127.0.0.1 (receiver 3, sender 4):
 * IP_PKTINFO received (the receiver asked for it), sent (the sender picks lo and a source
 * address) and sent with an interface index no interface has (ENODEV); IP_TTL and IP_TOS received
 * together; an IP_PKTINFO too short for its struct (EINVAL: no data shown); and a message of a
 * level strace does not decode (its type in hex, no data). Prints "port P" (the receiver's). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static union {
    char b[256];
    struct cmsghdr align;
} in;

static void receive(int fd)
{
    char buf[64];
    struct iovec io = {buf, sizeof buf};
    struct msghdr r = {.msg_iov = &io, .msg_iovlen = 1, .msg_control = in.b, .msg_controllen = sizeof in.b};
    recvmsg(fd, &r, 0);
}

/* Sends "b" to `to` with one control message of `level` and `type` carrying `len` bytes of `data`. */
static void send_with(int fd, struct sockaddr_in *to, int level, int type, const void *data, size_t len)
{
    union {
        char b[CMSG_SPACE(sizeof(struct in_pktinfo))];
        struct cmsghdr align;
    } out;
    memset(&out, 0, sizeof out);
    struct iovec io = {"b", 1};
    struct msghdr m = {.msg_name = to, .msg_namelen = sizeof *to, .msg_iov = &io, .msg_iovlen = 1,
                       .msg_control = out.b, .msg_controllen = CMSG_SPACE(len)};
    struct cmsghdr *h = CMSG_FIRSTHDR(&m);
    h->cmsg_level = level;
    h->cmsg_type = type;
    h->cmsg_len = CMSG_LEN(len);
    memcpy(CMSG_DATA(h), data, len);
    sendmsg(fd, &m, 0);
}

int main(void)
{
    int one = 1, r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
    if (r != 3 || s != 4) return 1;
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t tolen = sizeof to;
    if (bind(r, (struct sockaddr *) &to, sizeof to) != 0 || getsockname(r, (struct sockaddr *) &to, &tolen) != 0) return 1;
    setsockopt(r, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
    sendto(s, "a", 1, 0, (struct sockaddr *) &to, sizeof to);
    receive(r);
    struct in_pktinfo pi = {.ipi_ifindex = 1};
    pi.ipi_spec_dst.s_addr = htonl(INADDR_LOOPBACK);
    send_with(s, &to, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi);
    receive(r);
    pi.ipi_ifindex = 99999;
    send_with(s, &to, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi);       /* ENODEV */
    one = 0;
    setsockopt(r, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
    one = 1;
    setsockopt(r, IPPROTO_IP, IP_RECVTTL, &one, sizeof one);
    setsockopt(r, IPPROTO_IP, IP_RECVTOS, &one, sizeof one);
    sendto(s, "c", 1, 0, (struct sockaddr *) &to, sizeof to);
    receive(r);
    send_with(s, &to, IPPROTO_IP, IP_PKTINFO, &pi, 8);                 /* EINVAL */
    send_with(s, &to, 99, 7, &pi, 4);
    printf("port %d\n", ntohs(to.sin_port));
    return 0;
}
