/* D4: a tight loop of pthread_create and fork, so a new task's first stop often reaches the
 * tracer before its creator's clone event. argv[1] iterations; each thread and each child exits
 * at once. Prints "threads N forks N" (how many were created and joined or reaped). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void *nothing(void *arg) { return arg; }

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100;
    int threads = 0, forks = 0;
    for (int i = 0; i < n; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, nothing, NULL) == 0) {
            pid_t pid = fork();
            if (pid == 0) _exit(0);
            pthread_join(t, NULL);
            threads++;
            if (pid > 0 && waitpid(pid, NULL, 0) == pid) forks++;
        }
    }
    dprintf(1, "threads %d forks %d\n", threads, forks);
    return threads == n && forks == n ? 0 : 1;
}
