/*
 * Alert-latency workload: keeps the tracer at full speed with a storm of open/close calls on an
 * ordinary file and, every INTERVAL iterations, opens /etc/shadow (which the latency rule
 * matches). Usage: lat_shadow_storm SECONDS INTERVAL. Prints the number of opens and sensitive
 * opens on stdout.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 5.0;
    long interval = argc > 2 ? atol(argv[2]) : 500;
    double end = now() + seconds;
    long opens = 0, sensitive = 0;
    while (now() < end) {
        int fd = open("/etc/hostname", O_RDONLY);
        if (fd >= 0) close(fd);
        opens++;
        if (opens % interval == 0) {
            fd = open("/etc/shadow", O_RDONLY);
            if (fd >= 0) close(fd);
            sensitive++;
        }
    }
    printf("opens=%ld sensitive=%ld\n", opens, sensitive);
    return 0;
}
