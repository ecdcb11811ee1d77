/* Trigger for "Sensitive file opened for reading": opens /etc/shadow read-only and closes it. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int fd = open("/etc/shadow", O_RDONLY);
    if (fd < 0) { perror("open /etc/shadow"); return 1; }
    close(fd);
    puts("opened /etc/shadow for reading");
    return 0;
}
