/* ioctl's third argument as strace shows it, by request, on a pipe (3, 4): the int the kernel
 * reads (FIONBIO, FIOASYNC, TIOCSPGRP: shown even when the call fails) or writes (TIOCGPGRP,
 * TIOCOUTQ: shown on success only), no argument for FIOCLEX and FIONCLEX, FICLONE's fd, an
 * unreadable int (EFAULT) and an unknown request (its _IOC fields, the word in hex); then, when
 * /dev/ptmx opens (fd 5), the pty requests that succeed. Prints "pid P ptmx M". */
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
    int p[2], one = 1, zero = 0, n = 0;
    pid_t pg = 0;
    if (pipe(p) != 0) return 1;
    syscall(SYS_ioctl, p[0], FIONBIO, &one);
    syscall(SYS_ioctl, p[0], FIONBIO, &zero);
    syscall(SYS_ioctl, p[0], FIOASYNC, &zero);
    syscall(SYS_ioctl, p[0], FIOCLEX);
    syscall(SYS_ioctl, p[0], FIONCLEX);
    syscall(SYS_ioctl, p[0], FIONBIO, (void *) 8);   /* EFAULT */
    syscall(SYS_ioctl, p[0], FICLONE, p[1]);         /* EINVAL: not a file */
    syscall(SYS_ioctl, p[0], TIOCGPGRP, &pg);        /* ENOTTY */
    pg = getpid();
    syscall(SYS_ioctl, p[0], TIOCSPGRP, &pg);        /* ENOTTY */
    syscall(SYS_ioctl, p[0], TIOCOUTQ, &n);          /* ENOTTY */
    syscall(SYS_ioctl, p[0], _IOR(0x99, 0x01, int), 5);
    int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (m >= 0) {
        syscall(SYS_ioctl, m, TIOCSPTLCK, &zero);
        syscall(SYS_ioctl, m, TIOCOUTQ, &n);
        syscall(SYS_ioctl, m, TIOCGPGRP, &pg);
    }
    printf("pid %d ptmx %d\n", (int) getpid(), m);
    return 0;
}
