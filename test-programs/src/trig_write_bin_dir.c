/* Trigger for "File below a binary directory opened for writing": creates /usr/bin/pdig-trig-<pid>
 * and removes it again. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char path[64];
    snprintf(path, sizeof path, "/usr/bin/pdig-trig-%d", (int) getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0755);
    if (fd < 0) { perror(path); return 1; }
    close(fd);
    unlink(path);
    printf("created and removed %s\n", path);
    return 0;
}
