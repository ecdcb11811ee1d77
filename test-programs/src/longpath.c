/* K2: paths at and past PATH_MAX, and a cwd deeper than PATH_MAX.
 * Prints "case slashes rc R" (chdir of 4095 '/' + NUL: succeeds), "case nonul rc R errno E"
 * (4096 bytes before the NUL: ENAMETOOLONG), then builds DEPTH directories of 250 'd' below the
 * cwd, chdirs into each, and opens "sample" with O_CREAT ("case deep depth N len L fd F"), then
 * removes it all again. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int depth = argc > 1 ? atoi(argv[1]) : 20;
    int home = open(".", O_RDONLY | O_DIRECTORY);
    static char buf[4097];
    memset(buf, '/', 4095);
    buf[4095] = 0;
    int rc = chdir(buf);
    dprintf(1, "case slashes rc %d\n", rc);
    fchdir(home);
    memset(buf, 'a', 4096);
    buf[4096] = 0;
    rc = chdir(buf);
    dprintf(1, "case nonul rc %d errno %d\n", rc, rc ? errno : 0);

    char name[251];
    memset(name, 'd', 250);
    name[250] = 0;
    for (int i = 0; i < depth; i++) {
        if (mkdir(name, 0700) != 0 && errno != EEXIST) { perror("mkdir"); return 1; }
        if (chdir(name) != 0) { perror("chdir"); return 1; }
    }
    int fd = openat(AT_FDCWD, "sample", O_CREAT | O_WRONLY, 0600);
    dprintf(1, "case deep depth %d len %d fd %d\n", depth, depth * 251, fd);
    if (fd >= 0) close(fd);
    unlink("sample");
    for (int i = 0; i < depth; i++) {
        chdir("..");
        rmdir(name);
    }
    return fd >= 0 ? 0 : 1;
}
