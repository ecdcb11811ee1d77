/* up_ptrace attach|traceme: the two ptrace uses the upstream Falco rules watch for.
 *
 * attach: forks a child that waits, then asks PTRACE_ATTACH and PTRACE_SEIZE on it ("PTRACE
 *   attached to process"). Under pdig both fail with EPERM, because pdig already traces the child;
 *   the attempt is what the rule reports. Without a tracer the attach succeeds and is undone.
 * traceme: PTRACE_TRACEME, the anti-debugging trick ("PTRACE anti-debug attempt"): it fails with
 *   EPERM when the process is already traced, which is how malware detects a debugger.
 * Prints the outcome of each request; exits 0 unless the usage or fork is wrong. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(const char *what, long rc) {
    if (rc == 0) {
        printf("%s: succeeded\n", what);
    } else {
        printf("%s: %s\n", what, strerror(errno));
    }
}

static int attach(void) {
    pid_t child = fork();
    if (child < 0) {
        perror("fork");
        return 1;
    }
    if (child == 0) {
        for (;;) {
            pause();
        }
    }
    long rc = ptrace(PTRACE_ATTACH, child, 0, 0);
    report("PTRACE_ATTACH", rc);
    if (rc == 0) {
        waitpid(child, NULL, __WALL);
        ptrace(PTRACE_DETACH, child, 0, 0);
    }
    rc = ptrace(PTRACE_SEIZE, child, 0, 0);
    report("PTRACE_SEIZE", rc);
    if (rc == 0) {
        ptrace(PTRACE_DETACH, child, 0, 0);
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "attach") == 0) {
        return attach();
    }
    if (argc == 2 && strcmp(argv[1], "traceme") == 0) {
        report("PTRACE_TRACEME", ptrace(PTRACE_TRACEME, 0, 0, 0));
        return 0;
    }
    fprintf(stderr, "usage: %s attach|traceme\n", argv[0]);
    return 2;
}
