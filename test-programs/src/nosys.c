/* K6: syscall numbers no table knows. Prints "nr N rc R errno E" for 1000, 0x3fffffff, and numbers
 * with bit 31 set (-1, 0x80000000), which the kernel and seccomp see as negative ints. */
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    static const long nrs[] = {1000, 0x3fffffff, -1, 0x80000000L};
    for (int i = 0; i < 4; i++) {
        errno = 0;
        long rc = syscall(nrs[i], 1, 2, 3);
        dprintf(1, "nr %ld rc %ld errno %d\n", nrs[i], rc, rc < 0 ? errno : 0);
    }
    return 0;
}
