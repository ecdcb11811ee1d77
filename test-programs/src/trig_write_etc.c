/* Trigger for "File below /etc opened for writing": creates /etc/pdig-trig-<pid> and removes it. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char path[64];
    snprintf(path, sizeof path, "/etc/pdig-trig-%d", (int) getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) { perror(path); return 1; }
    (void) write(fd, "x\n", 2);
    close(fd);
    unlink(path);
    printf("created and removed %s\n", path);
    return 0;
}
