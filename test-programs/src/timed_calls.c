/* Two calls that take a known time, for the duration tests (strace -T, evt.latency): a 50 ms
 * nanosleep, then a read from a pipe that a second thread writes 50 ms after the read blocked.
 * The program times each call itself on CLOCK_MONOTONIC (the clock the tracer reads too) around
 * the call, and prints "sleep_ns N" and "read_ns N": a traced call's entry and exit stops both fall
 * inside that span, so the duration the tracer records is at most N. It is at least 50 ms: the
 * sleep starts after its entry stop, and the feeder starts its 50 ms only once the reader sleeps
 * in read (state S in /proc, syscall 0), which it reaches only after its entry stop was handled.
 * A close follows (its exit stop is skipped in the derived sets: no duration there).
 *   timed_calls */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int fds[2];
static pid_t reader;

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int read_proc(const char *what, char *buf, size_t len)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/%s", (int) reader, what);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, len - 1);
    close(fd);
    if (n < 0) return -1;
    buf[n] = 0;
    return 0;
}

/* Whether the reader sleeps in read(2): running again after the tracer handled its entry. */
static int reader_blocked_in_read(void)
{
    char stat[512], sys[256];
    if (read_proc("stat", stat, sizeof stat) != 0 || read_proc("syscall", sys, sizeof sys) != 0) return 0;
    char *end = strrchr(stat, ')');
    return end && end[1] == ' ' && end[2] == 'S' && strncmp(sys, "0 ", 2) == 0;
}

static void *feeder(void *arg)
{
    (void) arg;
    struct timespec poll = {0, 1000 * 1000};
    while (!reader_blocked_in_read()) nanosleep(&poll, NULL);
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
    write(fds[1], "x", 1);
    return NULL;
}

int main(void)
{
    if (pipe(fds) != 0) return 64;
    reader = (pid_t) syscall(SYS_gettid);
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
    close(fds[0]); /* a call whose exit stop a derived set skips */
    printf("sleep rc %d sleep_ns %lld\nread rc %zd read_ns %lld\n", rc, slept, n, waited);
    return rc == 0 && n == 1 ? 0 : 1;
}
