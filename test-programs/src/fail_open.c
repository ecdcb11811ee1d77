/* I1/I2: every 20 ms for argv[1] ms, open("/dev/null") (traced) and getpid() (not traced);
 * prints "i N open R errno E getpid P" per round, then "done". With a RET_TRACE filter and no
 * tracer left, open fails with ENOSYS while getpid keeps working. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long ms = argc > 1 ? atol(argv[1]) : 3000;
    dprintf(1, "ready %d\n", getpid());
    for (long i = 0; i < ms / 20; i++) {
        errno = 0;
        int fd = open("/dev/null", O_RDONLY);
        int err = fd < 0 ? errno : 0;
        if (fd >= 0) close(fd);
        dprintf(1, "i %ld open %d errno %d getpid %ld\n", i, fd, err, (long) syscall(SYS_getpid));
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    dprintf(1, "done\n");
    return 0;
}
