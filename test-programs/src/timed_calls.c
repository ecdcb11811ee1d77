/* Two calls that take a known time, for the duration tests (strace -T, evt.latency): a 50 ms
 * nanosleep, then a read from a pipe that a second thread writes after its own 50 ms sleep. The
 * program times each call itself on CLOCK_MONOTONIC (the clock the tracer reads too) around the
 * call, and prints "sleep_ns N" and "read_ns N": a traced call's entry and exit stops both fall
 * inside that span, so the duration the tracer records is at most N, and at least the 50 ms. A
 * close follows (its exit stop is skipped in the default sets: no duration).
 *   timed_calls */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int fds[2];

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *feeder(void *arg)
{
    (void) arg;
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
    write(fds[1], "x", 1);
    return NULL;
}

int main(void)
{
    if (pipe(fds) != 0) return 64;
    struct timespec ts = {0, 50 * 1000 * 1000};
    long long t0 = now_ns();
    int rc = nanosleep(&ts, NULL);
    long long slept = now_ns() - t0;
    pthread_t t;
    pthread_create(&t, NULL, feeder, NULL);
    char c;
    t0 = now_ns();
    ssize_t n = read(fds[0], &c, 1);
    long long waited = now_ns() - t0;
    pthread_join(t, NULL);
    close(fds[0]); /* a call whose exit stop is skipped: no duration */
    printf("sleep rc %d sleep_ns %lld\nread rc %zd read_ns %lld\n", rc, slept, n, waited);
    return rc == 0 && n == 1 ? 0 : 1;
}
