/* sendmmsg and recvmmsg with known bytes, for their --print lines, evt.buffer and the socket state.
 * UDP on 127.0.0.1 (fds 3, 4; the ports are the kernel's choice, printed "ports RECEIVER SENDER"
 * after the first call): two messages to msg_name (the first of two segments) received with the
 * sender's address (128 => 16); on the connected socket three datagrams, received with a zero
 * timeout (one, then the time is up: left {0, 0}) and with MSG_WAITFORONE and a 5 s timeout (the
 * other two); partial results: a sendmmsg whose second message's iovec cannot be read, and one
 * whose vector runs into an unmapped page after its first message (one sent each); 33 messages
 * (strace shows 32, then ...); a vector of none (recvmmsg's 0 is strace's Timeout). Unix datagram
 * sockets bound to paths in the working directory (fds 5, 6), the first message passing fd 3
 * (received as fd 7). Failures: a bad fd (EBADF; sendmmsg's vector is still shown), a vector that
 * cannot be read (EFAULT). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define MANY 33

static struct sockaddr_un unix_address(const char *path, socklen_t *len)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    strcpy(a.sun_path, path);
    *len = offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
    return a;
}

int main(void)
{
    int r = socket(AF_INET, SOCK_DGRAM, 0); /* 3 */
    int s = socket(AF_INET, SOCK_DGRAM, 0); /* 4 */
    if (r != 3 || s != 4) return 1;
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t tolen = sizeof to;
    if (bind(r, (struct sockaddr *) &to, sizeof to) != 0 || getsockname(r, (struct sockaddr *) &to, &tolen) != 0) return 1;

    struct iovec two[2] = {{"hello", 5}, {" udp", 4}};
    struct iovec one[1] = {{"xyz", 3}};
    struct mmsghdr out[2] = {
        {.msg_hdr = {.msg_name = &to, .msg_namelen = sizeof to, .msg_iov = two, .msg_iovlen = 2}},
        {.msg_hdr = {.msg_name = &to, .msg_namelen = sizeof to, .msg_iov = one, .msg_iovlen = 1}},
    };
    if (sendmmsg(s, out, 2, 0) != 2) return 1;
    struct sockaddr_in from_s;
    socklen_t from_slen = sizeof from_s;
    if (getsockname(s, (struct sockaddr *) &from_s, &from_slen) != 0) return 1;
    printf("ports %d %d\n", ntohs(to.sin_port), ntohs(from_s.sin_port)); /* the receiver's, the sender's */
    fflush(stdout);

    struct sockaddr_storage from[2]; /* 128 bytes each: the kernel sets msg_namelen to 16 */
    char a[4][4], b[4][16];
    struct iovec rv[4][2];
    struct mmsghdr in[4];
    memset(in, 0, sizeof in);
    for (int k = 0; k < 4; k++) {
        rv[k][0] = (struct iovec){a[k], sizeof a[k]};
        rv[k][1] = (struct iovec){b[k], sizeof b[k]};
        in[k].msg_hdr.msg_iov = rv[k];
        in[k].msg_hdr.msg_iovlen = 2;
    }
    for (int k = 0; k < 2; k++) {
        in[k].msg_hdr.msg_name = &from[k];
        in[k].msg_hdr.msg_namelen = sizeof from[k];
    }
    if (recvmmsg(r, in, 2, 0, NULL) != 2) return 1;

    if (connect(s, (struct sockaddr *) &to, sizeof to) != 0) return 1;
    struct iovec d[3] = {{"a", 1}, {"bb", 2}, {"ccc", 3}};
    struct mmsghdr three[3];
    memset(three, 0, sizeof three);
    for (int k = 0; k < 3; k++) {
        three[k].msg_hdr.msg_iov = &d[k];
        three[k].msg_hdr.msg_iovlen = 1;
    }
    if (sendmmsg(s, three, 3, 0) != 3) return 1;
    for (int k = 0; k < 4; k++) {
        in[k].msg_hdr.msg_name = NULL;
        in[k].msg_hdr.msg_namelen = 0;
    }
    struct timespec zero = {0, 0}, later = {5, 0};
    if (recvmmsg(r, in, 4, 0, &zero) != 1) return 1;             /* then the time is up */
    if (recvmmsg(r, in, 4, MSG_WAITFORONE, &later) != 2) return 1; /* the two left */

    struct mmsghdr bad[2];
    memset(bad, 0, sizeof bad);
    bad[0].msg_hdr.msg_iov = one;
    bad[0].msg_hdr.msg_iovlen = 1;
    bad[1].msg_hdr.msg_iov = (struct iovec *) 16;
    bad[1].msg_hdr.msg_iovlen = 1;
    if (sendmmsg(s, bad, 2, 0) != 1) return 1; /* the second fails: one sent */
    char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED || munmap(page + 4096, 4096) != 0) return 1;
    struct mmsghdr *edge = (struct mmsghdr *) (page + 4096) - 1; /* the second message is unmapped */
    memset(edge, 0, sizeof *edge);
    edge->msg_hdr.msg_iov = one;
    edge->msg_hdr.msg_iovlen = 1;
    if (sendmmsg(s, edge, 3, 0) != 1) return 1; /* one sent, then the vector ends */
    if (recvmmsg(r, in, 4, MSG_WAITFORONE, NULL) != 2) return 1;

    struct iovec m[MANY], mi[MANY];
    struct mmsghdr many[MANY], manyin[MANY];
    char mb[MANY][2];
    memset(many, 0, sizeof many);
    memset(manyin, 0, sizeof manyin);
    for (int k = 0; k < MANY; k++) {
        m[k] = (struct iovec){"m", 1};
        mi[k] = (struct iovec){mb[k], sizeof mb[k]};
        many[k].msg_hdr.msg_iov = &m[k];
        many[k].msg_hdr.msg_iovlen = 1;
        manyin[k].msg_hdr.msg_iov = &mi[k];
        manyin[k].msg_hdr.msg_iovlen = 1;
    }
    if (sendmmsg(s, many, MANY, 0) != MANY) return 1;
    if (recvmmsg(r, manyin, MANY, 0, NULL) != MANY) return 1;
    if (sendmmsg(s, many, 0, 0) != 0) return 1;
    if (recvmmsg(r, manyin, 0, 0, NULL) != 0) return 1;

    socklen_t ulen, clen;
    struct sockaddr_un us = unix_address("mmsg-server.sock", &ulen), cs = unix_address("mmsg-client.sock", &clen);
    unlink(us.sun_path);
    unlink(cs.sun_path);
    int u = socket(AF_UNIX, SOCK_DGRAM, 0); /* 5 */
    int c = socket(AF_UNIX, SOCK_DGRAM, 0); /* 6 */
    if (u != 5 || c != 6 || bind(u, (struct sockaddr *) &us, ulen) != 0 || bind(c, (struct sockaddr *) &cs, clen) != 0) return 1;
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } ctl, rctl;
    memset(&ctl, 0, sizeof ctl);
    memset(&rctl, 0, sizeof rctl);
    struct mmsghdr um[2] = {
        {.msg_hdr = {.msg_name = &us, .msg_namelen = ulen, .msg_iov = one, .msg_iovlen = 1,
                     .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf}},
        {.msg_hdr = {.msg_name = &us, .msg_namelen = ulen, .msg_iov = two, .msg_iovlen = 2}},
    };
    struct cmsghdr *cm = CMSG_FIRSTHDR(&um[0].msg_hdr);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &r, sizeof r);
    if (sendmmsg(c, um, 2, 0) != 2) return 1;
    struct sockaddr_un peer[2];
    memset(in, 0, sizeof in);
    for (int k = 0; k < 2; k++) {
        in[k].msg_hdr.msg_name = &peer[k];
        in[k].msg_hdr.msg_namelen = sizeof peer[k];
        in[k].msg_hdr.msg_iov = rv[k];
        in[k].msg_hdr.msg_iovlen = 2;
    }
    in[0].msg_hdr.msg_control = rctl.buf;
    in[0].msg_hdr.msg_controllen = sizeof rctl.buf;
    if (recvmmsg(u, in, 2, 0, NULL) != 2) return 1;
    unlink(us.sun_path);
    unlink(cs.sun_path);

    if (sendmmsg(99, out, 2, 0) != -1) return 1;                       /* EBADF */
    if (recvmmsg(99, in, 2, 0, NULL) != -1) return 1;                  /* EBADF */
    struct mmsghdr *volatile nowhere = (struct mmsghdr *) 16;          /* volatile: gcc does not warn */
    if (sendmmsg(s, nowhere, 2, 0) != -1) return 1;                    /* EFAULT */
    if (recvmmsg(r, nowhere, 2, MSG_DONTWAIT, NULL) != -1) return 1;   /* EFAULT */
    return 0;
}
