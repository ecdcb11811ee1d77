/* F3: the child arms PR_SET_PDEATHSIG=SIGTERM and tells its parent, which then exits 0. The child
 * must die by SIGTERM at once; if it is still alive after 5 s it prints "child survived". */
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    int pfd[2];
    pipe(pfd);
    pid_t pid = fork();
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        write(pfd[1], "x", 1);
        struct timespec ts = {5, 0};
        nanosleep(&ts, NULL);
        dprintf(1, "child survived\n");
        _exit(0);
    }
    char c;
    read(pfd[0], &c, 1);
    dprintf(1, "child %d\n", pid);
    return 0;
}
