/* accept and getsockname with a buffer smaller than the address (addrlen 2): the kernel writes 2
 * bytes and returns the full length (16). The rest of the buffer holds the caller's own bytes, a
 * forged 6.6.6.6:4444 here, which a tracer reading the returned length would report as the peer.
 * Then a recvfrom of a datagram with the same short buffer, and an accept4 that fails (EAGAIN:
 * nothing is pending, the listening socket made non-blocking), where only the caller's size is known.
 * Prints "accept fd F len L", "getsockname rc R len L", "recvfrom rc R len L" and
 * "accept4 rc R len L". */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void forge(struct sockaddr_in *a)
{
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_port = htons(4444);
    a->sin_addr.s_addr = inet_addr("6.6.6.6");
}

int main(void)
{
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    if (ls < 0 || bind(ls, (struct sockaddr *) &a, sizeof a) || listen(ls, 1)
            || getsockname(ls, (struct sockaddr *) &a, &len)) {
        perror("listen");
        return 1;
    }
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr *) &a, sizeof a)) {
        perror("connect");
        return 1;
    }
    struct sockaddr_in peer;
    forge(&peer);
    len = 2;
    int fd = accept(ls, (struct sockaddr *) &peer, &len);
    dprintf(1, "accept fd %d len %u\n", fd, (unsigned) len);
    forge(&peer);
    len = 2;
    int rc = getsockname(c, (struct sockaddr *) &peer, &len);
    dprintf(1, "getsockname rc %d len %u\n", rc, (unsigned) len);

    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in ua = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    len = sizeof ua;
    if (u < 0 || bind(u, (struct sockaddr *) &ua, sizeof ua) || getsockname(u, (struct sockaddr *) &ua, &len)
            || sendto(u, "x", 1, 0, (struct sockaddr *) &ua, sizeof ua) != 1) {
        perror("udp");
        return 1;
    }
    char byte;
    forge(&peer);
    len = 2;
    ssize_t n = recvfrom(u, &byte, 1, 0, (struct sockaddr *) &peer, &len);
    dprintf(1, "recvfrom rc %zd len %u\n", n, (unsigned) len);
    len = sizeof peer;
    fcntl(ls, F_SETFL, O_NONBLOCK); /* so that accept4 fails with EAGAIN instead of waiting */
    int none = accept4(ls, (struct sockaddr *) &peer, &len, SOCK_NONBLOCK);
    int saved = errno;
    dprintf(1, "accept4 rc %d errno %d len %u\n", none, none < 0 ? saved : 0, (unsigned) len);
    return fd < 0 || rc != 0 || n != 1;
}
