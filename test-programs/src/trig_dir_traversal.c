/* Trigger for "Directory traversal to a monitored file": from <tmpdir>/a/b opens
 * ../../../../etc/passwd (a successful read) and ../../../../etc/pdig-missing (a failed probe). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/pdig-trig-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char sub[sizeof dir + 8], sub2[sizeof dir + 8];
    snprintf(sub, sizeof sub, "%s/a", dir);
    snprintf(sub2, sizeof sub2, "%s/a/b", dir);
    mkdir(sub, 0700);
    mkdir(sub2, 0700);
    if (chdir(sub2) != 0) { perror("chdir"); return 1; }
    int rc = 0;
    int fd = open("../../../../etc/passwd", O_RDONLY);
    if (fd < 0) { perror("../../../../etc/passwd"); rc = 1; } else close(fd);
    fd = open("../../../../etc/pdig-missing", O_RDONLY);
    if (fd >= 0) close(fd);
    if (chdir("/") != 0) rc = 1;
    rmdir(sub2);
    rmdir(sub);
    rmdir(dir);
    puts("opened /etc/passwd through ../../../../");
    return rc;
}
