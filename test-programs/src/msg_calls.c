/* sendmsg and recvmsg with known bytes, for the msghdr --print and evt.buffer show: UDP on
 * 127.0.0.1 (fds 3, 4; the receiver's port is the kernel's choice) with msg_name (the receiver,
 * two segments) and without it (a connected socket), recvmsg of each (the sender's address
 * written back into 128 bytes, msg_namelen 128 => 16; the second into a buffer too small: MSG_TRUNC
 * in the output msg_flags); a unix
 * socket pair (fds 5, 6) passing fd 3 with SCM_RIGHTS, received as fd 7; a recvmsg that fails
 * (EBADF) and a sendmsg and recvmsg whose msghdr cannot be read (EFAULT). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
    int r = socket(AF_INET, SOCK_DGRAM, 0); /* 3 */
    int s = socket(AF_INET, SOCK_DGRAM, 0); /* 4 */
    if (r != 3 || s != 4) return 1;
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t tolen = sizeof to;
    if (bind(r, (struct sockaddr *) &to, sizeof to) != 0 || getsockname(r, (struct sockaddr *) &to, &tolen) != 0) return 1;

    struct iovec two[2] = {{"hello", 5}, {" udp", 4}};
    struct msghdr m = {.msg_name = &to, .msg_namelen = sizeof to, .msg_iov = two, .msg_iovlen = 2};
    if (sendmsg(s, &m, 0) != 9) return 1;
    if (connect(s, (struct sockaddr *) &to, sizeof to) != 0) return 1;
    struct iovec one[1] = {{"xyz", 3}};
    struct msghdr c = {.msg_iov = one, .msg_iovlen = 1};
    if (sendmsg(s, &c, 0) != 3) return 1;

    struct sockaddr_storage from; /* 128 bytes: the kernel sets msg_namelen to 16 */
    char a[4], b[16];
    struct iovec rv[2] = {{a, sizeof a}, {b, sizeof b}};
    struct msghdr rm = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = rv, .msg_iovlen = 2};
    if (recvmsg(r, &rm, 0) != 9) return 1;
    struct iovec small[1] = {{a, 2}};
    struct msghdr sm = {.msg_iov = small, .msg_iovlen = 1};
    if (recvmsg(r, &sm, 0) != 2) return 1;

    int u[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, u) != 0) return 1; /* 5, 6 */
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } ctl, rctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr fm = {.msg_iov = one, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&fm);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &r, sizeof r);
    if (sendmsg(u[0], &fm, 0) != 3) return 1;
    struct iovec rb[1] = {{b, sizeof b}};
    struct msghdr rfm = {.msg_iov = rb, .msg_iovlen = 1, .msg_control = rctl.buf, .msg_controllen = sizeof rctl.buf};
    if (recvmsg(u[1], &rfm, 0) != 3) return 1;

    if (recvmsg(99, &rm, 0) != -1) return 1;             /* EBADF */
    struct msghdr *volatile nowhere = (struct msghdr *) 16; /* volatile: gcc does not warn */
    if (sendmsg(s, nowhere, 0) != -1) return 1;          /* EFAULT */
    if (recvmsg(r, nowhere, MSG_DONTWAIT) != -1) return 1; /* EFAULT */
    return 0;
}
