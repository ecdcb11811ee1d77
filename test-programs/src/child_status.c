/* SIGCHLD's siginfo as strace shows it (si_status, si_utime, si_stime): a child that exits 3, one
 * killed by SIGTERM, and one stopped by SIGSTOP, continued, then exiting 0. The parent catches
 * SIGCHLD (so it is delivered, not discarded) and takes each notification before the child can
 * cause the next one: SIGCHLD does not queue, so two notifications pending at once would merge.
 * Prints "child PID" for each child, in that order. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t last_code;

static void on_child(int sig, siginfo_t *si, void *ctx)
{
    (void) sig;
    (void) ctx;
    last_code = si->si_code;
}

static sigset_t while_waiting; /* everything the parent normally has, with SIGCHLD unblocked */

/* Waits until a SIGCHLD with this si_code has been handled (SIGCHLD is blocked meanwhile). */
static void await_code(int code)
{
    while (last_code != code) sigsuspend(&while_waiting);
    last_code = 0;
}

int main(void)
{
    struct sigaction sa = {.sa_sigaction = on_child, .sa_flags = SA_SIGINFO};
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &while_waiting);
    sigdelset(&while_waiting, SIGCHLD);
    int go[2];
    if (pipe(go) != 0) return 1;
    int st;

    pid_t p = fork();
    if (p == 0) _exit(3);
    dprintf(1, "child %d\n", (int) p);
    await_code(CLD_EXITED);
    waitpid(p, &st, 0);

    p = fork();
    if (p == 0) {
        raise(SIGTERM);
        _exit(1);
    }
    dprintf(1, "child %d\n", (int) p);
    await_code(CLD_KILLED);
    waitpid(p, &st, 0);

    p = fork();
    if (p == 0) {
        raise(SIGSTOP);
        char c;
        if (read(go[0], &c, 1) != 1) _exit(2);
        _exit(0);
    }
    dprintf(1, "child %d\n", (int) p);
    await_code(CLD_STOPPED);
    waitpid(p, &st, WUNTRACED);
    kill(p, SIGCONT);
    await_code(CLD_CONTINUED);
    if (write(go[1], "x", 1) != 1) return 1;
    await_code(CLD_EXITED);
    waitpid(p, &st, 0);
    return 0;
}
