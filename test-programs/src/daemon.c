/* F1: a double-fork daemon. The child calls setsid() and forks again; the grandchild writes its
 * pid into "daemon.out" after argv[1] ms while the child and the original exit 0 at once. Prints
 * "grandchild PID". */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long ms = argc > 1 ? atol(argv[1]) : 1000;
    int pfd[2];
    pipe(pfd);
    pid_t child = fork();
    if (child == 0) {
        setsid();
        pid_t gc = fork();
        if (gc == 0) {
            close(pfd[0]);
            close(pfd[1]);
            struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
            int fd = open("daemon.out", O_CREAT | O_WRONLY | O_TRUNC, 0600);
            dprintf(fd, "%d\n", getpid());
            close(fd);
            _exit(0);
        }
        dprintf(pfd[1], "%d", gc);
        _exit(0);
    }
    close(pfd[1]);
    char buf[32] = {0};
    read(pfd[0], buf, sizeof buf - 1);
    waitpid(child, NULL, 0);
    dprintf(1, "grandchild %s\n", buf);
    return 0;
}
