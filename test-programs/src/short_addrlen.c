/* accept and getsockname with a buffer smaller than the address (addrlen 2): the kernel writes 2
 * bytes and returns the full length (16). The rest of the buffer holds the caller's own bytes, a
 * forged 6.6.6.6:4444 here, which a tracer reading the returned length would report as the peer.
 * Prints "accept fd F len L" and "getsockname rc R len L". */
#include <arpa/inet.h>
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
    return fd < 0 || rc != 0;
}
