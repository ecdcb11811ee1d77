/* Near miss for "File below a binary directory opened for writing": reads a binary in /usr/bin
 * and writes a file in /tmp. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int fd = open("/usr/bin/true", O_RDONLY);
    if (fd < 0) { perror("/usr/bin/true"); return 1; }
    close(fd);
    char path[64];
    snprintf(path, sizeof path, "/tmp/pdig-miss-%d", (int) getpid());
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror(path); return 1; }
    close(fd);
    unlink(path);
    puts("read /usr/bin/true, wrote below /tmp");
    return 0;
}
