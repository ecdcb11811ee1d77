/* Trigger for "Log file truncated": creates /var/log/pdig-trig-<pid>.log, reopens it with O_TRUNC,
 * truncates it with truncate(2), and removes it. No existing log is touched. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char path[64];
    snprintf(path, sizeof path, "/var/log/pdig-trig-%d.log", (int) getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) { perror(path); return 1; }
    (void) write(fd, "evidence\n", 9);
    close(fd);
    fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0) { perror("reopen"); unlink(path); return 1; }
    close(fd);
    if (truncate(path, 0) != 0) perror("truncate");
    unlink(path);
    printf("truncated %s\n", path);
    return 0;
}
