/*
 * Exit-stop narrowing (ArgDecodingTest): fcntl with the commands pdig treats differently. F_GETFL
 * changes nothing and is not stopped on; F_SETFD changes a flag and stops at its entry only; F_DUPFD
 * and F_DUPFD_CLOEXEC return a new fd and keep their exit stop. The F_SETFD on fd 99 fails (EBADF),
 * which only a traced exit can show. Prints the results as "getfl=N setfd=N dupfd_cloexec=N
 * dupfd=N badfd=N".
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int fd = open("/dev/null", O_RDONLY);
    if (fd < 0) return 1;
    int getfl = fcntl(fd, F_GETFL);
    int setfd = fcntl(fd, F_SETFD, FD_CLOEXEC);
    int dupfd_cloexec = fcntl(fd, F_DUPFD_CLOEXEC, 40);
    int dupfd = fcntl(fd, F_DUPFD, 50);
    int badfd = fcntl(99, F_SETFD, FD_CLOEXEC);
    printf("getfl=%d setfd=%d dupfd_cloexec=%d dupfd=%d badfd=%d\n", getfl >= 0, setfd, dupfd_cloexec, dupfd, badfd);
    return 0;
}
