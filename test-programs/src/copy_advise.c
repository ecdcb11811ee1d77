/* The calls cp makes to copy a file, as raw syscalls: posix_fadvise's fadvise64 with each advice
 * (and an unknown one, EINVAL), and copy_file_range without and with offsets. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    char src[] = "/tmp/pdig_copy_advise_XXXXXX", dst[] = "/tmp/pdig_copy_advise_XXXXXX";
    int in = mkstemp(src), out = mkstemp(dst);
    if (in < 0 || out < 0 || write(in, "0123456789", 10) != 10) return 1;
    for (int advice = 0; advice <= 5; advice++) syscall(SYS_fadvise64, in, 0L, 0L, advice);
    syscall(SYS_fadvise64, in, 4096L, 8192L, 99);
    long r1 = syscall(SYS_copy_file_range, in, NULL, out, NULL, 4L, 0);
    long long off_in = 2, off_out = 8;
    long r2 = syscall(SYS_copy_file_range, in, &off_in, out, &off_out, 3L, 0);
    printf("copied %ld %ld off_in@%p off_out@%p\n", r1, r2, (void *)&off_in, (void *)&off_out);
    unlink(src);
    unlink(dst);
    return 0;
}
