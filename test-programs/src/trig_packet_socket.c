/* Trigger for "Packet socket created": opens an AF_PACKET raw socket and closes it. */
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int s = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
    if (s < 0) { perror("socket(AF_PACKET)"); return 1; }
    close(s);
    puts("created an AF_PACKET socket");
    return 0;
}
