/* Kills itself with the signal given as argv[1] (catalogue A2, A3, B6). With "core" as argv[2] it
 * first lifts RLIMIT_CORE so the kernel writes a core (A3). The default disposition is restored
 * first, so an inherited SIG_IGN cannot hide the signal. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int sig = argc > 1 ? atoi(argv[1]) : SIGTERM;
    if (argc > 2 && strcmp(argv[2], "core") == 0) {
        struct rlimit rl = {RLIM_INFINITY, RLIM_INFINITY};
        if (setrlimit(RLIMIT_CORE, &rl) != 0) perror("setrlimit");
    }
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    dprintf(1, "pid %d raising %d\n", getpid(), sig);
    kill(getpid(), sig);
    dprintf(1, "survived %d\n", sig);
    return 100;
}
