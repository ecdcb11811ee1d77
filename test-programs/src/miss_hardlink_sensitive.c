/* Near miss for "Hardlink created to a sensitive file": hard-links a file it created itself. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/pdig-miss-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char file[sizeof dir + 8], hl[sizeof dir + 8];
    snprintf(file, sizeof file, "%s/file", dir);
    snprintf(hl, sizeof hl, "%s/hl", dir);
    int rc = 0;
    int fd = open(file, O_WRONLY | O_CREAT, 0600);
    if (fd >= 0) close(fd);
    if (link(file, hl) != 0) { perror("link"); rc = 1; }
    unlink(hl);
    unlink(file);
    rmdir(dir);
    puts("hard-linked an own file");
    return rc;
}
