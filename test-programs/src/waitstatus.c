/* Runs a command and reports exactly how it ended, which a shell's $? cannot (128+N looks the
 * same as death by signal N). For the `pdig run` exit-status tests (catalogue A2-A4, B1-B4).
 *   waitstatus [-b SIG]... [-i SIG]... [-g] -- CMD ARGS...
 * The command starts from a clean state, as from a login shell: every signal unblocked and at its
 * default action (whatever the JVM that runs the tests passed down). Then -b blocks SIG and -i
 * ignores SIG (both survive exec); -g puts the command in a new process group (a terminal's
 * foreground job). Prints "started PID" on stderr, then
 * "exited N" or "signaled N core C" on stderr, and exits 0 (64 on usage errors). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    sigset_t block;
    sigemptyset(&block);
    int ignore[65] = {0};
    int group = 0;
    int opt;
    while ((opt = getopt(argc, argv, "+b:i:g")) != -1) {
        if (opt == 'b') sigaddset(&block, atoi(optarg));
        else if (opt == 'i') ignore[atoi(optarg) & 63] = 1;
        else if (opt == 'g') group = 1;
        else return 64;
    }
    if (optind >= argc) return 64;
    pid_t pid = fork();
    if (pid == 0) {
        if (group) setpgid(0, 0);
        for (int s = 1; s < 65; s++) {
            if (s == SIGKILL || s == SIGSTOP) continue;
            /* Raw rt_sigaction: glibc's signal() refuses its internal signals 32 and 33. */
            struct { void *handler; unsigned long flags; void *restorer; unsigned long mask; } ksa = {0};
            ksa.handler = ignore[s & 63] && s < 64 ? SIG_IGN : SIG_DFL;
            syscall(SYS_rt_sigaction, s, &ksa, NULL, 8);
        }
        sigprocmask(SIG_SETMASK, &block, NULL);
        execvp(argv[optind], argv + optind);
        perror("exec");
        _exit(127);
    }
    if (group) setpgid(pid, pid);
    dprintf(2, "started %d\n", pid);
    int status;
    if (waitpid(pid, &status, 0) != pid) { perror("waitpid"); return 1; }
    if (WIFSIGNALED(status)) dprintf(2, "signaled %d core %d\n", WTERMSIG(status), WCOREDUMP(status) ? 1 : 0);
    else dprintf(2, "exited %d\n", WEXITSTATUS(status));
    return 0;
}
