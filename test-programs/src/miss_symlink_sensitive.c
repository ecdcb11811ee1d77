/* Near miss for "Symlink created to a sensitive file": links to /etc/hostname and to a file in
 * the same temporary directory. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/pdig-miss-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char link1[sizeof dir + 8], link2[sizeof dir + 8];
    snprintf(link1, sizeof link1, "%s/link", dir);
    snprintf(link2, sizeof link2, "%s/link2", dir);
    int rc = 0;
    if (symlink("/etc/hostname", link1) != 0) { perror("symlink"); rc = 1; }
    if (symlink("link", link2) != 0) { perror("symlink"); rc = 1; }
    unlink(link1);
    unlink(link2);
    rmdir(dir);
    puts("symlinked /etc/hostname");
    return rc;
}
