/* up_spawn PROG [ARG...]: runs PROG as a child (fork + execv) and exits with its status.
 *
 * The upstream-rules end-to-end test copies this binary under a server's name (nginx, ...) so that
 * the program it starts has that server as its direct parent (proc.pname): "Run shell untrusted"
 * looks at the parent and the ancestors of a freshly executed shell. Prints nothing on success, so
 * the exec and wait are the only traced work besides the loader's. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PROG [ARG...]\n", argv[0]);
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        execv(argv[1], argv + 1);
        fprintf(stderr, "%s: execv %s: %s\n", argv[0], argv[1], strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) {
            perror("waitpid");
            return 1;
        }
    }
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
