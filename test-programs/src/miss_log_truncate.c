/* Near miss for "Log file truncated": appends to its own file below /var/log (as a logger does)
 * and truncates a file below /tmp. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char path[64], tmp[64];
    snprintf(path, sizeof path, "/var/log/pdig-miss-%d.log", (int) getpid());
    snprintf(tmp, sizeof tmp, "/tmp/pdig-miss-%d.log", (int) getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) { perror(path); return 1; }
    (void) write(fd, "line\n", 5);
    close(fd);
    unlink(path);
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) close(fd);
    (void) truncate(tmp, 0);
    unlink(tmp);
    puts("appended below /var/log, truncated below /tmp");
    return 0;
}
