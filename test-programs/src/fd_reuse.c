/* Catalogue K: an fd number that names another file right after the open that returned it. Opens
 * fd_reuse.a or fd_reuse.b (alternately, argv[1] times); right after each open the fd is closed and
 * its number taken again by dup() of an fd of /dev/null. The tracer must still name the file that
 * the open returned, never what the number named a moment later. Prints "open I fd F" per open. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd < 0) { perror("fd_reuse: /dev/null"); return 2; }
    for (int i = 0; i < n; i++) {
        int fd = open(i % 2 ? "fd_reuse.b" : "fd_reuse.a", O_CREAT | O_RDONLY, 0600);
        if (fd < 0) { perror("fd_reuse: open"); return 2; }
        close(fd);
        int again = dup(null_fd);
        if (again != fd) { fprintf(stderr, "fd_reuse: dup gave %d, not %d\n", again, fd); return 3; }
        printf("open %d fd %d\n", i, fd);
        close(again);
    }
    return 0;
}
