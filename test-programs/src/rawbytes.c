/* K3: non-UTF-8 and control bytes in paths and argv. Creates (O_CREAT) and removes three files
 * in the cwd whose names differ only in bytes a lossy UTF-8 decoder would merge:
 * "\xff\xfe\n\x01name", "\xfe\xff\n\x01name" and "\xef\xbf\xbd\n\x01name" (U+FFFD itself), then
 * re-execs itself with argv[1] = "\xff\xc0arg\n" and prints "argv1 HEX" in the new image. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc > 1) {
        dprintf(1, "argv1");
        for (const unsigned char *p = (const unsigned char *) argv[1]; *p; p++) dprintf(1, " %02x", *p);
        dprintf(1, "\n");
        return 0;
    }
    static const char *names[] = {"\xff\xfe\n\x01name", "\xfe\xff\n\x01name", "\xef\xbf\xbd\n\x01name"};
    for (int i = 0; i < 3; i++) {
        int fd = open(names[i], O_CREAT | O_WRONLY, 0600);
        dprintf(1, "open %d fd %d\n", i, fd);
        if (fd >= 0) close(fd);
        unlink(names[i]);
    }
    execl("/proc/self/exe", argv[0], "\xff\xc0" "arg\n", (char *) NULL);
    return 1;
}
