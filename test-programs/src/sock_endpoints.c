/* Sockets whose local side no argument names, for the tests of the endpoints the tracer reads
 * from the socket itself. Each case prints what the program observes with getsockname and
 * getpeername, one line each, "ep CASE fd=N local=ADDR peer=ADDR res=R", for the test to compare
 * with pdig's fd.* fields:
 *   tcp4-client / tcp4-accepted   connect to 127.0.0.1 of a listener bound to 0.0.0.0 (so the
 *                                 accepted socket's own address is not the listener's), and
 *                                 accept(s, NULL, NULL)
 *   udp4                          UDP connect to 198.51.100.7:9999 (TEST-NET-2; nothing is sent)
 *   tcp4nb-client / -accepted     non-blocking connect (0 or EINPROGRESS) to the address udp4 got
 *                                 (the machine's own non-loopback one), and accept4(s, NULL, NULL, 0)
 *   tcp6-client / tcp6-accepted   the same over ::1 ("ep skip tcp6" when it has no IPv6)
 *   unix-client / unix-accepted   a unix listener at DIR/ep.sock, accept(s, NULL, NULL)
 * Usage: sock_endpoints DIR. Exits 1 when a step the tests rely on fails. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static void text(const struct sockaddr_storage *ss, socklen_t len, char *out, size_t cap)
{
    char ip[INET6_ADDRSTRLEN];
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *a = (const void *)ss;
        inet_ntop(AF_INET, &a->sin_addr, ip, sizeof ip);
        snprintf(out, cap, "%s:%d", ip, ntohs(a->sin_port));
    } else if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *a = (const void *)ss;
        inet_ntop(AF_INET6, &a->sin6_addr, ip, sizeof ip);
        snprintf(out, cap, "%s:%d", ip, ntohs(a->sin6_port));
    } else if (ss->ss_family == AF_UNIX) {
        const struct sockaddr_un *a = (const void *)ss;
        snprintf(out, cap, "%s", len > sizeof(sa_family_t) ? a->sun_path : "-");
    } else {
        snprintf(out, cap, "?");
    }
}

static void report(const char *name, int fd, long res)
{
    struct sockaddr_storage l, p;
    socklen_t ll = sizeof l, pl = sizeof p;
    char lt[160] = "?", pt[160] = "?";
    if (getsockname(fd, (struct sockaddr *)&l, &ll) == 0) text(&l, ll, lt, sizeof lt);
    if (getpeername(fd, (struct sockaddr *)&p, &pl) == 0) text(&p, pl, pt, sizeof pt);
    printf("ep %s fd=%d local=%s peer=%s res=%ld\n", name, fd, lt, pt, res);
    fflush(stdout);
}

static void die(const char *what)
{
    perror(what);
    exit(1);
}

/* accept through the syscalls themselves: glibc may pick either. */
static int accept_null(int s, int four)
{
    long r = four ? syscall(SYS_accept4, s, NULL, NULL, 0) : syscall(SYS_accept, s, NULL, NULL);
    if (r < 0) die("accept");
    return (int)r;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sock_endpoints DIR\n");
        return 2;
    }
    /* tcp4: a wildcard listener, a client on 127.0.0.1, accept without an address */
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in any = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (bind(ls, (struct sockaddr *)&any, sizeof any) < 0 || listen(ls, 8) < 0) die("tcp4 listen");
    socklen_t len = sizeof any;
    getsockname(ls, (struct sockaddr *)&any, &len);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = any.sin_port, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr *)&to, sizeof to) < 0) die("tcp4 connect");
    report("tcp4-client", c, 0);
    report("tcp4-accepted", accept_null(ls, 0), 0);

    /* udp4: connect only picks a route and a source port */
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in far = {.sin_family = AF_INET, .sin_port = htons(9999)};
    inet_pton(AF_INET, "198.51.100.7", &far.sin_addr);
    if (connect(u, (struct sockaddr *)&far, sizeof far) < 0) die("udp4 connect");
    report("udp4", u, 0);

    /* tcp4nb: non-blocking, to the address the route above chose */
    struct sockaddr_in own;
    len = sizeof own;
    getsockname(u, (struct sockaddr *)&own, &len);
    own.sin_port = any.sin_port;
    int n = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    long r = connect(n, (struct sockaddr *)&own, sizeof own) < 0 ? -errno : 0;
    if (r != 0 && r != -EINPROGRESS) die("tcp4nb connect");
    report("tcp4nb-client", n, r);
    struct pollfd pf = {.fd = n, .events = POLLOUT};
    poll(&pf, 1, 5000);
    report("tcp4nb-accepted", accept_null(ls, 1), 0);

    /* tcp6 over ::1 */
    int ls6 = socket(AF_INET6, SOCK_STREAM, 0);
    struct sockaddr_in6 lo6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
    if (ls6 < 0 || bind(ls6, (struct sockaddr *)&lo6, sizeof lo6) < 0 || listen(ls6, 8) < 0) {
        printf("ep skip tcp6\n");
    } else {
        len = sizeof lo6;
        getsockname(ls6, (struct sockaddr *)&lo6, &len);
        int c6 = socket(AF_INET6, SOCK_STREAM, 0);
        if (connect(c6, (struct sockaddr *)&lo6, sizeof lo6) < 0) die("tcp6 connect");
        report("tcp6-client", c6, 0);
        report("tcp6-accepted", accept_null(ls6, 0), 0);
    }

    /* unix: the accepted socket's own name is the listener's path */
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    snprintf(un.sun_path, sizeof un.sun_path, "%s/ep.sock", argv[1]);
    unlink(un.sun_path);
    int lsu = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(lsu, (struct sockaddr *)&un, sizeof un) < 0 || listen(lsu, 8) < 0) die("unix listen");
    int cu = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(cu, (struct sockaddr *)&un, sizeof un) < 0) die("unix connect");
    report("unix-client", cu, 0);
    report("unix-accepted", accept_null(lsu, 0), 0);
    unlink(un.sun_path);
    return 0;
}
