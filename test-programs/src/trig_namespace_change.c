/* Trigger for "Namespace changed by a non-runtime process": a forked child unshares its UTS
 * namespace, and the main process setns()es into its own UTS namespace (a no-op join). */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        if (unshare(CLONE_NEWUTS) != 0) {
            printf("unshare: %s\n", strerror(errno));
            fflush(stdout);
        }
        _exit(0);
    }
    waitpid(child, NULL, 0);
    int fd = open("/proc/self/ns/uts", O_RDONLY);
    if (fd < 0) { perror("/proc/self/ns/uts"); return 1; }
    if (setns(fd, CLONE_NEWUTS) != 0) printf("setns: %s\n", strerror(errno));
    close(fd);
    puts("unshare(CLONE_NEWUTS) in a child, setns into own uts namespace");
    return 0;
}
