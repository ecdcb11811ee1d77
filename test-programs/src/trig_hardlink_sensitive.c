/* Trigger for "Hardlink created to a sensitive file": link("/etc/shadow", <tmpdir>/hl) and the same
 * with linkat(), each removed again. The attempt is what matters: on systems where /tmp is another
 * file system the calls fail with EXDEV and the rule still fires. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/pdig-trig-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char hl[sizeof dir + 8], hl2[sizeof dir + 8];
    snprintf(hl, sizeof hl, "%s/hl", dir);
    snprintf(hl2, sizeof hl2, "%s/hl2", dir);
    if (link("/etc/shadow", hl) != 0) perror("link");
    if (linkat(AT_FDCWD, "/etc/shadow", AT_FDCWD, hl2, 0) != 0) perror("linkat");
    unlink(hl);
    unlink(hl2);
    rmdir(dir);
    puts("hard-linked /etc/shadow");
    return 0;
}
