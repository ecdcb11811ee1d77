/* Near miss for "Fileless execution from memfd": uses a memfd only as a buffer, and runs /bin/true
 * through execveat(fd, "", ..., AT_EMPTY_PATH) on an fd of the regular file. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void) {
    int mfd = memfd_create("pdig-miss", MFD_CLOEXEC);
    if (mfd < 0) { perror("memfd_create"); return 1; }
    (void) write(mfd, "scratch", 7);
    close(mfd);
    int fd = open("/bin/true", O_RDONLY);
    if (fd < 0) { perror("/bin/true"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {"true", NULL};
        syscall(SYS_execveat, fd, "", argv, environ, AT_EMPTY_PATH);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    close(fd);
    printf("fexecve of /bin/true, status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}
