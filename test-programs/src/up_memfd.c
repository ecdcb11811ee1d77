/* up_memfd FILE [ARG...]: copies FILE into an anonymous memfd_create file and executes that with
 * execveat(memfd, "", ..., AT_EMPTY_PATH) (what glibc's fexecve does), in place: no file on disk
 * backs the new image ("Fileless execution via memfd_create"). argv[0] of the new image is FILE's
 * base name. Exits 1 with a message if any step fails; otherwise FILE's own exit status. */
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [ARG...]\n", argv[0]);
        return 2;
    }
    int mfd = memfd_create("up-payload", MFD_CLOEXEC);
    if (mfd < 0) {
        perror("memfd_create");
        return 1;
    }
    int in = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        perror(argv[1]);
        return 1;
    }
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(mfd, buf, n) != n) {
            perror("write memfd");
            return 1;
        }
    }
    close(in);
    argv[1] = basename(argv[1]);
    syscall(SYS_execveat, mfd, "", argv + 1, environ, AT_EMPTY_PATH);
    perror("execveat memfd");
    return 1;
}
