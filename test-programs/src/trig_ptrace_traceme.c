/* Trigger for "Ptrace anti-debug attempt": a forked child calls ptrace(PTRACE_TRACEME) and exits.
 * Under pdig the call fails with EPERM (pdig is already the tracer); the rule ignores the result. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child < 0) { perror("fork"); return 1; }
    if (child == 0) {
        if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0) {
            printf("PTRACE_TRACEME failed: %s\n", strerror(errno));
        } else {
            puts("PTRACE_TRACEME succeeded");
        }
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    return 0;
}
