/* Calls every program makes that pdig once printed as six raw words: identity reads, lseek with
 * each whence, isatty-style ioctls on a file (ENOTTY) and an unknown request, xattr reads that
 * find nothing, statfs of a missing path and prlimit64 (read, set, read back, refused). libc's start-up adds set_tid_address,
 * set_robust_list, rseq and arch_prctl(ARCH_SET_FS). Raw syscalls, so libc adds nothing else. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
    printf("pid %ld pgrp %ld\n", (long)syscall(SYS_getpid), (long)syscall(SYS_getpgrp));
    fflush(stdout);
    syscall(SYS_geteuid);
    syscall(SYS_getgid);
    syscall(SYS_getegid);
    int fd = open("/proc/self/exe", O_RDONLY);
    syscall(SYS_lseek, fd, 4L, SEEK_SET);
    syscall(SYS_lseek, fd, -2L, SEEK_CUR);
    syscall(SYS_lseek, fd, 0L, SEEK_END);
    struct termios t;
    struct winsize w;
    syscall(SYS_ioctl, fd, TCGETS, &t);
    syscall(SYS_ioctl, fd, TIOCGWINSZ, &w);
    syscall(SYS_ioctl, fd, 0x1234, 0);
    char v[255];
    syscall(SYS_getxattr, "/proc/self/exe", "user.pdig", NULL, 0);
    syscall(SYS_lgetxattr, "/proc/self/exe", "user.pdig", v, sizeof v);
    syscall(SYS_fgetxattr, fd, "user.pdig", v, sizeof v);
    syscall(SYS_statfs, "/nonexistent/pdig", v);
    struct rlimit old;
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old);
    printf("nofile %llu %llu\n", (unsigned long long)old.rlim_cur, (unsigned long long)old.rlim_max);
    fflush(stdout);
    /* A core limit that strace writes as 2048*1024 and RLIM64_INFINITY (raising the hard limit
     * needs root, as tests run), read back, then a resource the kernel does not know. */
    struct rlimit core = {2048 * 1024, RLIM_INFINITY};
    syscall(SYS_prlimit64, 0, RLIMIT_CORE, &core, NULL);
    syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &old);
    syscall(SYS_prlimit64, 0, 999, NULL, &old);
    return 0;
}
