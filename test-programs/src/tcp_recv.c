/* Connects to 127.0.0.1:PORT (argv[1]) and receives with recvfrom until the peer closes: the
 * network read of Falco's java_network_read macro when copied under the name "java". */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (connect(s, (struct sockaddr *) &to, sizeof to) != 0) return 1;
    char buf[4096];
    while (recvfrom(s, buf, sizeof buf, 0, NULL, NULL) > 0) {
    }
    close(s);
    return 0;
}
