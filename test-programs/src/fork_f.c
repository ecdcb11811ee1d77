/* D1/D2: five chdir() calls whose pids a tracer must attribute correctly.
 *   fork_f fork|vfork
 * The parent chdirs to "x.start", forks (or vforks); the child chdirs to "x.child" and re-execs
 * this program as "fork_f exec", which chdirs to "x.exec" once the parent closed a pipe; the
 * parent chdirs to "x.parent", closes the pipe, waits, and chdirs to "x.finish". The directories
 * do not exist, so every chdir fails with ENOENT and the cwd never changes. Prints the pids. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "exec") == 0) {
        char c;
        /* fd 3 is the pipe's read end: EOF means the parent has done its chdir. */
        while (read(3, &c, 1) > 0) {
        }
        chdir("x.exec");
        dprintf(1, "exec %d\n", getpid());
        return 0;
    }
    int use_vfork = argc > 1 && strcmp(argv[1], "vfork") == 0;
    int fds[2];
    /* Both ends close-on-exec; only fd 3, a copy of the read end, survives the child's exec, so
     * the exec'd image sees EOF once the parent closed its write end. */
    if (pipe2(fds, O_CLOEXEC) != 0) return 1;
    if (fds[0] != 3) {
        dup2(fds[0], 3);
        close(fds[0]);
    } else {
        fcntl(3, F_SETFD, 0);
    }
    chdir("x.start");
    pid_t pid = use_vfork ? vfork() : fork();
    if (pid < 0) return 1;
    if (pid == 0) {
        if (!use_vfork) close(fds[1]);
        chdir("x.child");
        execl("/proc/self/exe", argv[0], "exec", (char *) NULL);
        _exit(127);
    }
    close(3);
    chdir("x.parent");
    dprintf(1, "parent %d child %d\n", getpid(), pid);
    close(fds[1]);
    int status;
    waitpid(pid, &status, 0);
    chdir("x.finish");
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
