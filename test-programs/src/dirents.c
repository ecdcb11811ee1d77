/* getdents64 of a directory the program fills with three files: all five records at once, one
 * record into a 30-byte buffer (a fresh fd), the end (0), and a bad fd (EBADF, nothing written).
 * Raw syscalls, so libc adds nothing. Prints each result for the test. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    static char buf[32768];
    mkdir("d", 0755);
    close(open("d/a", O_CREAT | O_WRONLY, 0644));
    close(open("d/bb", O_CREAT | O_WRONLY, 0644));
    close(open("d/a-longer-name-than-eight-bytes", O_CREAT | O_WRONLY, 0644));
    int fd = open("d", O_RDONLY | O_DIRECTORY);
    long all = syscall(SYS_getdents64, fd, buf, sizeof buf);
    long end = syscall(SYS_getdents64, fd, buf, sizeof buf);
    int again = open("d", O_RDONLY | O_DIRECTORY);
    long one = syscall(SYS_getdents64, again, buf, 30L);
    syscall(SYS_getdents64, 99, buf, sizeof buf);
    printf("fd %d all %ld end %ld fd %d one %ld\n", fd, all, end, again, one);
    return 0;
}
