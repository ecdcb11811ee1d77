/* Calls that never return: a child blocked in accept(s, NULL, NULL) and one blocked with an
 * address buffer are killed (SIGKILL), so no exit stop comes. strace shows the arguments it saw
 * at the entry: accept(3, NULL, NULL) = ?. Prints "children A B". */
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t blocked_in_accept(int s, int with_address)
{
    pid_t c = fork();
    if (c == 0) {
        struct sockaddr_in a;
        socklen_t len = sizeof a;
        if (with_address) syscall(SYS_accept, s, &a, &len);
        else syscall(SYS_accept, s, NULL, NULL);
        _exit(1);
    }
    usleep(200 * 1000); /* long enough to be blocked in accept */
    kill(c, SIGKILL);
    waitpid(c, NULL, 0);
    return c;
}

int main(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(s, (struct sockaddr *)&a, sizeof a);
    listen(s, 1);
    pid_t first = blocked_in_accept(s, 0);
    pid_t second = blocked_in_accept(s, 1);
    printf("children %d %d\n", first, second);
    return 0;
}
