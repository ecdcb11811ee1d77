/* Near miss for "Sensitive file opened for reading": reads ordinary files below /etc. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    const char *files[] = {"/etc/hostname", "/etc/passwd"};
    for (unsigned i = 0; i < sizeof files / sizeof *files; i++) {
        int fd = open(files[i], O_RDONLY);
        if (fd < 0) { perror(files[i]); continue; }
        char buf[256];
        (void) read(fd, buf, sizeof buf);
        close(fd);
    }
    puts("read /etc/hostname and /etc/passwd");
    return 0;
}
