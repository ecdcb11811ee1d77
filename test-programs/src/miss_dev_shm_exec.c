/* Near miss for "Program executed from /dev/shm": keeps a data file in /dev/shm (as POSIX shared
 * memory users do) and runs a copy of /bin/true from /tmp. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int copy_file(const char *from, const char *to) {
    int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    if (in < 0 || out < 0) return -1;
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, n) != n) return -1;
    }
    close(in);
    close(out);
    return n < 0 ? -1 : 0;
}

int main(void) {
    char shm[64];
    snprintf(shm, sizeof shm, "/dev/shm/pdig-miss-%d", (int) getpid());
    int fd = open(shm, O_RDWR | O_CREAT, 0600);
    if (fd >= 0) { (void) write(fd, "data", 4); close(fd); }
    unlink(shm);

    char dir[] = "/tmp/pdig-miss-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char path[sizeof dir + 8];
    snprintf(path, sizeof path, "%s/true", dir);
    if (copy_file("/bin/true", path) != 0) { perror(path); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        execl(path, path, (char *) NULL);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    unlink(path);
    rmdir(dir);
    puts("used /dev/shm for data, ran a program from /tmp");
    return 0;
}
