/* Trigger for "Program executed from /dev/shm": copies /bin/true to /dev/shm/pdig-trig-<pid>, runs
 * it, and removes it. */
#include <fcntl.h>
#include <stdio.h>
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
    char path[64];
    snprintf(path, sizeof path, "/dev/shm/pdig-trig-%d", (int) getpid());
    if (copy_file("/bin/true", path) != 0) { perror(path); unlink(path); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        execl(path, path, (char *) NULL);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    unlink(path);
    printf("ran %s, status %d\n", path, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return 0;
}
