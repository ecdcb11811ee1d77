/* Process-level helpers for the launcher. */
#include "pdig.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/*
 * Dies by sig so that the parent shell sees WIFSIGNALED (128+N): no core of our own (it would
 * clobber the tracee's), the signal unblocked and its disposition reset (the JVM handles SIGTERM,
 * SIGINT, SIGSEGV...). Returns only when the signal's default action is not fatal.
 */
void pdig_die_by_signal(int sig) {
    struct rlimit rl = {0, 0};
    setrlimit(RLIMIT_CORE, &rl);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), sig);
    /* A pending unblocked fatal signal is delivered on the way out of the syscall above. */
}
