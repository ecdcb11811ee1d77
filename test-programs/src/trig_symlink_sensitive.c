/* Trigger for "Symlink created to a sensitive file": links <tmpdir>/link -> /etc/shadow with
 * symlink() and <tmpdir>/link2 -> /etc/sudoers with symlinkat(), then removes both. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/pdig-trig-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char link1[sizeof dir + 8], link2[sizeof dir + 8];
    snprintf(link1, sizeof link1, "%s/link", dir);
    snprintf(link2, sizeof link2, "%s/link2", dir);
    int rc = 0;
    if (symlink("/etc/shadow", link1) != 0) { perror("symlink"); rc = 1; }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (symlinkat("/etc/sudoers", dfd, "link2") != 0) { perror("symlinkat"); rc = 1; }
    close(dfd);
    unlink(link1);
    unlink(link2);
    rmdir(dir);
    puts("symlinked /etc/shadow and /etc/sudoers");
    return rc;
}
