/* L2: x32 getpid (39 | __X32_SYSCALL_BIT). Prints "x32 getpid rc R errno E pid P". */
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    errno = 0;
    long rc = syscall(0x40000000L | 39);
    dprintf(1, "x32 getpid rc %ld errno %d pid %d\n", rc, rc < 0 ? errno : 0, getpid());
    return 0;
}
