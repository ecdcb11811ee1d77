/* up_open [-s SECONDS] [-t] PATH: opens PATH as the kernel is asked to (no path rewriting), reads
 * one byte and closes it. Default: O_RDONLY. -t: O_WRONLY|O_TRUNC, i.e. empties an existing file
 * (no O_CREAT: the file must already exist). -s: sleeps first, so that the open happens when the
 * process is no longer "new" for Falco (proc.duration > 5 s in the proc_is_new macro).
 *
 * Exit 0 when the open succeeded, 1 when it failed (the errno is printed), 2 on bad usage. The
 * upstream-rules end-to-end test copies it under other names (a server name for "Read sensitive
 * file trusted after startup") and passes relative paths with ../ (directory traversal). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int flags = O_RDONLY;
    double seconds = 0;
    int opt;
    while ((opt = getopt(argc, argv, "s:t")) != -1) {
        switch (opt) {
        case 's':
            seconds = strtod(optarg, NULL);
            break;
        case 't':
            flags = O_WRONLY | O_TRUNC;
            break;
        default:
            fprintf(stderr, "usage: %s [-s SECONDS] [-t] PATH\n", argv[0]);
            return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "usage: %s [-s SECONDS] [-t] PATH\n", argv[0]);
        return 2;
    }
    if (seconds > 0) {
        struct timespec ts = {(time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9)};
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
        }
    }
    const char *path = argv[optind];
    int fd = open(path, flags);
    if (fd < 0) {
        fprintf(stderr, "%s: open %s: %s\n", argv[0], path, strerror(errno));
        return 1;
    }
    if (flags == O_RDONLY) {
        char c;
        (void)read(fd, &c, 1);
    }
    close(fd);
    return 0;
}
