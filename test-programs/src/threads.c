/* D7/D8: N threads (argv[1]) created with pthread_create (clone3 on glibc >= 2.34). Each prints
 * "thread I tid TID", opens "t.I" (a traced call attributable to its tid; the file need not
 * exist) and ends with pthread_exit; the main thread joins all and prints "joined N". */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static void *work(void *arg)
{
    long i = (long) arg;
    char name[32];
    snprintf(name, sizeof name, "t.%ld", i);
    dprintf(1, "thread %ld tid %ld\n", i, (long) syscall(SYS_gettid));
    int fd = open(name, O_RDONLY);
    if (fd >= 0) close(fd);
    pthread_exit(NULL);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 4;
    pthread_t *t = calloc(n, sizeof *t);
    dprintf(1, "main %d\n", getpid());
    for (long i = 0; i < n; i++) {
        if (pthread_create(&t[i], NULL, work, (void *) i) != 0) return 1;
    }
    int joined = 0;
    for (int i = 0; i < n; i++) joined += pthread_join(t[i], NULL) == 0;
    dprintf(1, "joined %d\n", joined);
    return joined == n ? 0 : 1;
}
