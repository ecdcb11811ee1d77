/* Near miss for "Directory traversal to a monitored file": climbs with ../ but stays in its own
 * temporary tree, reads /etc/passwd by its absolute path, and probes a library the way the
 * dynamic loader does for a program installed below /root with an $ORIGIN/../../../lib RUNPATH
 * (rust-lld in ~/.rustup): an absolute path that climbs but never leaves root's home. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/pdig-miss-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char sub[sizeof dir + 8], sub2[sizeof dir + 8], file[sizeof dir + 8];
    snprintf(sub, sizeof sub, "%s/a", dir);
    snprintf(sub2, sizeof sub2, "%s/a/b", dir);
    snprintf(file, sizeof file, "%s/file", dir);
    mkdir(sub, 0700);
    mkdir(sub2, 0700);
    int fd = open(file, O_WRONLY | O_CREAT, 0600);
    if (fd >= 0) close(fd);
    if (chdir(sub2) != 0) { perror("chdir"); return 1; }
    fd = open("../../file", O_RDONLY);
    if (fd >= 0) close(fd);
    fd = open("/etc/passwd", O_RDONLY);
    if (fd >= 0) close(fd);
    fd = open("/root/.pdig-miss-toolchain/lib/rustlib/x86_64-unknown-linux-gnu/bin/../../../libz.so.1",
              O_RDONLY | O_CLOEXEC);
    if (fd >= 0) close(fd);
    if (chdir("/") != 0) return 1;
    unlink(file);
    rmdir(sub2);
    rmdir(sub);
    rmdir(dir);
    puts("climbed inside its own tree, read /etc/passwd by absolute path");
    return 0;
}
