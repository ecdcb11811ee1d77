/* Near miss for "Ptrace attach to another process": inspects a child without attaching to it:
 * reads /proc/<child>/status and issues a PTRACE_PEEKDATA, which fails with ESRCH because it is
 * not the child's tracer. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child < 0) { perror("fork"); return 1; }
    if (child == 0) {
        for (;;) pause();
    }
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/status", (int) child);
    int fd = open(path, O_RDONLY);
    if (fd >= 0) { (void) read(fd, buf, sizeof buf); close(fd); }
    (void) ptrace(PTRACE_PEEKDATA, child, (void *) buf, 0);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    puts("inspected a child without attaching");
    return 0;
}
