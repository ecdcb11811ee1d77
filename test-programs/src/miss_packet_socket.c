/* Near miss for "Packet socket created": ordinary UDP, TCP and unix sockets. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int domains[] = {AF_INET, AF_INET6, AF_UNIX};
    for (unsigned i = 0; i < sizeof domains / sizeof *domains; i++) {
        int s = socket(domains[i], SOCK_DGRAM, 0);
        if (s >= 0) close(s);
    }
    int t = socket(AF_INET, SOCK_STREAM, 0);
    if (t >= 0) close(t);
    puts("created inet, inet6 and unix sockets");
    return 0;
}
