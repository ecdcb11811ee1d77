/* fcntl's argument and result as strace shows them, per command: no argument for the F_GET
 * commands, FD_CLOEXEC for F_SETFD, open flags for F_SETFL, a number for F_DUPFD; F_GETFD's and
 * F_GETFL's results in hex with their flags. Raw syscalls, so libc adds nothing. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    int fd = open("/dev/null", O_RDONLY);
    syscall(SYS_fcntl, fd, F_GETFD);
    syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
    syscall(SYS_fcntl, fd, F_GETFD);
    syscall(SYS_fcntl, fd, F_SETFD, 0);
    syscall(SYS_fcntl, fd, F_GETFL);
    syscall(SYS_fcntl, fd, F_SETFL, O_NONBLOCK);
    syscall(SYS_fcntl, fd, F_GETFL);
    syscall(SYS_fcntl, fd, F_DUPFD, 10);
    syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20);
    syscall(SYS_fcntl, 99, F_GETFD);
    syscall(SYS_fcntl, fd, F_GETOWN);
    return 0;
}
