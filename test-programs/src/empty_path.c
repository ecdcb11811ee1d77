/*
 * Empty path arguments (ArgDecodingTest): openat(AT_FDCWD, "") fails with ENOENT and names no
 * file; fstatat(fd, "", AT_EMPTY_PATH) names the file open on fd. Prints "open_rc R stat_rc R".
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    int open_rc = openat(AT_FDCWD, "", O_RDONLY);
    int fd = open("/etc/hostname", O_RDONLY);
    struct stat st;
    int stat_rc = fstatat(fd, "", &st, AT_EMPTY_PATH);
    printf("open_rc %d stat_rc %d\n", open_rc, stat_rc);
    return 0;
}
