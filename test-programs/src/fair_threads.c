/*
 * Tracer fairness (FollowTest): N threads, released together, each loops open("/dev/null") +
 * close for S seconds and counts its pairs, noting its longest single pair. Prints
 * "threads N min A median B max C longest_us L": a tracer that serves some threads far more
 * than others shows a tiny min beside a large max, and a long longest_us.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static pthread_barrier_t start;
static double seconds;

struct result {
    long pairs;
    double longest_us;
};

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *worker(void *arg) {
    struct result *r = arg;
    pthread_barrier_wait(&start);
    double end = now_s() + seconds;
    for (double t = now_s(); t < end;) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd >= 0) close(fd);
        double t2 = now_s();
        if ((t2 - t) * 1e6 > r->longest_us) r->longest_us = (t2 - t) * 1e6;
        t = t2;
        r->pairs++;
    }
    return NULL;
}

static int cmp(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 20;
    seconds = argc > 2 ? atof(argv[2]) : 2;
    pthread_t *t = calloc(n, sizeof *t);
    struct result *r = calloc(n, sizeof *r);
    long *pairs = calloc(n, sizeof *pairs);
    pthread_barrier_init(&start, NULL, n);
    for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, &r[i]);
    double longest = 0;
    for (int i = 0; i < n; i++) {
        pthread_join(t[i], NULL);
        pairs[i] = r[i].pairs;
        if (r[i].longest_us > longest) longest = r[i].longest_us;
    }
    qsort(pairs, n, sizeof *pairs, cmp);
    printf("threads %d min %ld median %ld max %ld longest_us %.0f\n", n, pairs[0], pairs[n / 2], pairs[n - 1], longest);
    return 0;
}
