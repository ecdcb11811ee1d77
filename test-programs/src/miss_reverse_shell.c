/* Near miss for "Standard stream redirected to a network socket": redirects stdout to a file (as a
 * shell's "> file" does) and duplicates a connected socket onto a high fd, then execs
 * /bin/sh -c 'exit 0'. */
#include <arpa/inet.h>
#include <fcntl.h>
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
    char out[64];
    snprintf(out, sizeof out, "/tmp/pdig-miss-%d.out", (int) getpid());
    pid_t child = fork();
    if (child == 0) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0 || connect(s, (struct sockaddr *) &addr, sizeof addr) != 0) _exit(2);
        dup2(s, 10);
        close(s);
        int f = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (f < 0) _exit(3);
        dup2(f, 1);
        close(f);
        execl("/bin/sh", "sh", "-c", "exit 0", (char *) NULL);
        _exit(127);
    }
    int st = 0;
    waitpid(child, &st, 0);
    waitpid(listener, NULL, 0);
    unlink(out);
    printf("stdout to a file, socket on fd 10, status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}
