/* A6: worker threads loop on openat() (a traced syscall, so they sit in seccomp/syscall stops)
 * while the main thread calls exit_group(7). The group exit code must win; never SIGSYS. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void *spin(void *arg)
{
    (void) arg;
    for (;;) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd >= 0) close(fd);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 2;
    for (int i = 0; i < n; i++) {
        pthread_t t;
        pthread_create(&t, NULL, spin, NULL);
    }
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
    dprintf(1, "exit_group 7\n");
    syscall(SYS_exit_group, 7);
    return 1;
}
