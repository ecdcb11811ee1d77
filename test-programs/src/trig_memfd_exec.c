/* Trigger for "Fileless execution from memfd": copies /bin/true into a memfd and executes the memfd
 * with execveat(fd, "", ..., AT_EMPTY_PATH), i.e. fexecve. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void) {
    int mfd = memfd_create("pdig-trig", 0);
    if (mfd < 0) { perror("memfd_create"); return 1; }
    int in = open("/bin/true", O_RDONLY);
    if (in < 0) { perror("/bin/true"); return 1; }
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(mfd, buf, n) != n) { perror("write"); return 1; }
    }
    close(in);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {"true", NULL};
        syscall(SYS_execveat, mfd, "", argv, environ, AT_EMPTY_PATH);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    close(mfd);
    printf("executed a memfd copy of /bin/true, status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}
