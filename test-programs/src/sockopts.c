/* setsockopt levels and options, and the MSG_ flags of sendto/recvfrom, as strace names them:
 * options of four levels, an unknown level, int values (read when optlen is 4), a struct value
 * and an unreadable one, a datagram sent to the discard port with flags and a
 * non-blocking peek that finds nothing. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int one = 1;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(s, IPPROTO_IP, IP_TTL, &one, sizeof one);
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one); /* ENOPROTOOPT on an IPv4 socket */
    setsockopt(s, 999, 5, &one, sizeof one);
    int ttl = 64, big = -2;
    setsockopt(s, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
    setsockopt(s, SOL_SOCKET, SO_RCVBUF, &big, sizeof big); /* a negative int, as a C int */
    struct linger lg = {.l_onoff = 1, .l_linger = 0};
    setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg); /* not an int: strace decodes the struct, pdig shows its address */
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, (void *) 8, sizeof one); /* unreadable: EFAULT, the address */
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(9), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    sendto(u, "x", 1, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *) &to, sizeof to);
    char buf[4];
    recvfrom(u, buf, sizeof buf, MSG_DONTWAIT | MSG_PEEK, NULL, NULL);
    close(u);
    close(s);
    return 0;
}
