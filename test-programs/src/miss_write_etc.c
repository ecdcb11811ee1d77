/* Near miss for "File below /etc opened for writing": reads /etc/passwd, writes below /tmp. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int fd = open("/etc/passwd", O_RDONLY);
    if (fd < 0) { perror("/etc/passwd"); return 1; }
    close(fd);
    char path[64];
    snprintf(path, sizeof path, "/tmp/pdig-miss-etc-%d", (int) getpid());
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror(path); return 1; }
    (void) write(fd, "x\n", 2);
    close(fd);
    unlink(path);
    puts("read /etc/passwd, wrote below /tmp");
    return 0;
}
