/* The stat family as strace abbreviates struct stat: a regular file's mode and size, a character
 * device's mode and st_rdev, a set-user-ID file's and a sticky directory's extra mode bits, a
 * failed call (the buffer was not written: its address) and a NULL buffer (EFAULT). Raw syscalls,
 * so libc adds nothing (glibc's fstat is itself newfstatat). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    struct stat st;
    int fd = open("/proc/self/exe", O_RDONLY);
    syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
    printf("exe mode 0%o size %lld\n", (unsigned)(st.st_mode & 07777), (long long)st.st_size);
    syscall(SYS_fstat, fd, &st);
    syscall(SYS_stat, "/dev/null", &st);
    syscall(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, 0);
    /* In the current directory: a test's own temporary directory. */
    mkdir("stat-dir", 0700);
    chmod("stat-dir", 01777);
    syscall(SYS_lstat, "stat-dir", &st);
    printf("dir size %lld\n", (long long)st.st_size);
    fflush(stdout);
    int f = open("stat-dir/suid", O_CREAT | O_WRONLY, 0600);
    fchmod(f, 04755);
    syscall(SYS_fstat, f, &st);
    unlink("stat-dir/suid");
    rmdir("stat-dir");
    syscall(SYS_stat, "/nonexistent/pdig", &st);
    syscall(SYS_newfstatat, AT_FDCWD, "/", NULL, 0);
    return 0;
}
