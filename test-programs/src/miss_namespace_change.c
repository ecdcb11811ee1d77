/* Near miss for "Namespace changed by a non-runtime process": unshare(CLONE_FILES), which changes
 * no namespace, and a readlink of /proc/self/ns/uts. */
#include <sched.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        _exit(unshare(CLONE_FILES) == 0 ? 0 : 1);
    }
    int st = 0;
    waitpid(child, &st, 0);
    char buf[128];
    ssize_t n = readlink("/proc/self/ns/uts", buf, sizeof buf - 1);
    if (n > 0) { buf[n] = 0; printf("uts namespace %s\n", buf); }
    return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
