/* D5: N threads (argv[1]) each loop on getuid() and count their calls; after argv[2] ms the main
 * thread prints every thread's tid and count ("thread TID calls N") and calls _exit(0). A tracer
 * that serves tracees unfairly leaves some thread at 0 calls. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAX 64
static volatile long calls[MAX];
static volatile long tids[MAX];

static void *spin(void *arg)
{
    long i = (long) arg;
    tids[i] = syscall(SYS_gettid);
    for (;;) {
        syscall(SYS_getuid);
        calls[i]++;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 4;
    long ms = argc > 2 ? atol(argv[2]) : 1000;
    if (n > MAX) n = MAX;
    setpgid(0, 0);
    for (long i = 0; i < n; i++) {
        pthread_t t;
        pthread_create(&t, NULL, spin, (void *) i);
    }
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
    for (int i = 0; i < n; i++) dprintf(1, "thread %ld calls %ld\n", tids[i], calls[i]);
    _exit(0);
}
