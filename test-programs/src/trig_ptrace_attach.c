/* Trigger for "Ptrace attach to another process": forks a sleeping child and tries PTRACE_ATTACH
 * and PTRACE_SEIZE on it. Under pdig both fail with EPERM (the child already has a tracer); the
 * attempts are what the rule reports. Without a tracer the attach succeeds and is undone. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child < 0) { perror("fork"); return 1; }
    if (child == 0) {
        for (;;) pause();
    }
    if (ptrace(PTRACE_ATTACH, child, 0, 0) == 0) {
        waitpid(child, NULL, __WALL);
        ptrace(PTRACE_DETACH, child, 0, 0);
        puts("PTRACE_ATTACH succeeded");
    } else {
        printf("PTRACE_ATTACH failed: %s\n", strerror(errno));
    }
    if (ptrace(PTRACE_SEIZE, child, 0, 0) == 0) {
        ptrace(PTRACE_DETACH, child, 0, 0);
        puts("PTRACE_SEIZE succeeded");
    } else {
        printf("PTRACE_SEIZE failed: %s\n", strerror(errno));
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
