/* Trigger for "Standard stream redirected to a network socket": a forked listener on 127.0.0.1
 * accepts one connection and drains it; the main process connects, dup2()s the socket onto 0, 1 and
 * 2, and execs /bin/sh -c 'exit 0' - a reverse shell that exits at once. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (ls < 0 || bind(ls, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(ls, 1) != 0
        || getsockname(ls, (struct sockaddr *) &addr, &len) != 0) {
        perror("listen");
        return 1;
    }
    pid_t listener = fork();
    if (listener == 0) {
        int c = accept(ls, NULL, NULL);
        char buf[256];
        while (c >= 0 && read(c, buf, sizeof buf) > 0) {
        }
        _exit(0);
    }
    close(ls);
    pid_t shell = fork();
    if (shell == 0) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0 || connect(s, (struct sockaddr *) &addr, sizeof addr) != 0) _exit(2);
        dup2(s, 0);
        dup2(s, 1);
        dup2(s, 2);
        close(s);
        execl("/bin/sh", "sh", "-c", "exit 0", (char *) NULL);
        _exit(127);
    }
    int st = 0;
    waitpid(shell, &st, 0);
    waitpid(listener, NULL, 0);
    printf("reverse shell over 127.0.0.1:%d, status %d\n", ntohs(addr.sin_port),
           WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}
