/* A child that spends about 60 ms of user CPU time before it exits, so the parent's SIGCHLD
 * carries non-zero CPU clock ticks (strace adds the seconds: si_utime=6, then 0.06 s in a comment). */
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    pid_t c = fork();
    if (c == 0) {
        volatile unsigned long n = 0;
        while (clock() < CLOCKS_PER_SEC * 6 / 100) n++;
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    printf("child %d\n", c);
    return 0;
}
