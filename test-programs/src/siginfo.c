/* B5: handlers for INT, TERM, USR1, CHLD and ALRM; the program kill()s itself with each and
 * prints what every handler saw ("sig N code C pid P"). Each must run exactly once. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t hits[65];
static volatile sig_atomic_t codes[65];
static volatile sig_atomic_t pids[65];

static void on_signal(int sig, siginfo_t *si, void *uc)
{
    (void) uc;
    hits[sig]++;
    codes[sig] = si->si_code;
    pids[sig] = si->si_pid;
}

int main(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGUSR1, SIGCHLD, SIGALRM};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
    dprintf(1, "pid %d\n", getpid());
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) kill(getpid(), sigs[i]);
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        int s = sigs[i];
        dprintf(1, "sig %d hits %d code %d pid %d\n", s, (int) hits[s], (int) codes[s], (int) pids[s]);
    }
    return 0;
}
