/* An attach target that sits in one long blocking call: the main thread reads one byte from a
 * pipe that a second thread fills only once DIR/go exists (it polls every 10 ms). A tracer that
 * detaches while the read blocks must let it go on, unseen: prints "read rc R errno E" (rc 1,
 * errno 0 unless the read was disturbed). IDLE more threads (default 0) wait in pause(): a
 * tracer takes longer to seize them all.
 *   blocked_read DIR [IDLE] */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static const char *dir;
static int fds[2];

static void *feeder(void *arg)
{
    (void) arg;
    char path[4096];
    snprintf(path, sizeof path, "%s/go", dir);
    while (access(path, F_OK) != 0) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    write(fds[1], "x", 1);
    return NULL;
}

static void *idle(void *arg)
{
    (void) arg;
    for (;;) pause();
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2 || pipe(fds) != 0) return 64;
    dir = argv[1];
    int idlers = argc > 2 ? atoi(argv[2]) : 0;
    pthread_t t;
    for (int i = 0; i < idlers; i++) pthread_create(&t, NULL, idle, NULL);
    pthread_create(&t, NULL, feeder, NULL);
    dprintf(1, "ready %d\n", getpid());
    char c;
    errno = 0;
    ssize_t rc = read(fds[0], &c, 1);
    dprintf(1, "read rc %zd errno %d\n", rc, rc < 0 ? errno : 0);
    pthread_join(t, NULL);
    return rc == 1 ? 0 : 1;
}
