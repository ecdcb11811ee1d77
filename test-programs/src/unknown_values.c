/* Values no table names, as strace shows them (0x63 followed by the comment AF_??? and the like), raw syscalls, each
 * refused by the kernel or harmless: an unknown socket family, protocol and socket option (at
 * SOL_SOCKET, SOL_IP, SOL_TCP and an unknown level), lseek whence, madvise advice, fcntl command,
 * sigprocmask how (ignored with no sets), epoll_ctl operation, arch_prctl code, resource limit,
 * getrandom, access, wait4, renameat2, statx, flock, epoll_create1, memfd_create, pipe2, preadv2,
 * mprotect, clock_nanosleep, fadvise64, seccomp and bpf flags or commands, and msg flags with
 * known and unknown bits (strace: only the unknown rest in hex). fd 3 is a UDP socket, fd 4
 * /dev/null (not the caller's stdin, which differs between the tracers' runs). */
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    int n = open("/dev/null", O_RDONLY);
    if (s != 3 || n != 4) return 1;
    syscall(SYS_socket, 99, SOCK_STREAM, 0);
    syscall(SYS_socket, AF_INET, SOCK_DGRAM, 999);
    syscall(SYS_setsockopt, s, SOL_SOCKET, 999, 0, 0);
    syscall(SYS_setsockopt, s, SOL_IP, 999, 0, 0);
    syscall(SYS_setsockopt, s, 6, 999, 0, 0);           /* SOL_TCP */
    syscall(SYS_setsockopt, s, 999, 1, 0, 0);
    syscall(SYS_lseek, n, 0, 9);
    syscall(SYS_lseek, n, 0, -1);
    syscall(SYS_madvise, 0, 4096, 999);
    syscall(SYS_fcntl, n, 999, 0);
    syscall(SYS_rt_sigprocmask, 9, 0, 0, 8);
    syscall(SYS_epoll_ctl, 3, 9, 0, 0);
    syscall(SYS_arch_prctl, 0x9999, 0);
    syscall(SYS_prlimit64, 0, 99, 0, 0);
    syscall(SYS_getrandom, 0, 0, 0x80);
    syscall(SYS_faccessat, AT_FDCWD, "/", 0x10);
    syscall(SYS_wait4, -1, 0, 0x1000, 0);
    syscall(SYS_renameat2, AT_FDCWD, "/nonexistent-a", AT_FDCWD, "/nonexistent-b", 0x80);
    syscall(SYS_statx, AT_FDCWD, "/", 0, 0x40000000, 0);
    syscall(SYS_flock, n, 0x1000);
    syscall(SYS_epoll_create1, 0x10);
    syscall(SYS_memfd_create, "x", 0x100);
    syscall(SYS_pipe2, 0, 0x10);
    syscall(SYS_preadv2, n, 0, 0, 0, 0, 0x100);
    syscall(SYS_mprotect, 0, 0, 0x80);
    syscall(SYS_clock_nanosleep, 0, 4, 0, 0);
    syscall(SYS_fadvise64, n, 0, 0, 99);
    syscall(SYS_seccomp, 99, 0, 0);
    syscall(SYS_bpf, 999, 0, 0);
    syscall(SYS_sendto, s, "a", 1, 0x100000, 0, 0);
    syscall(SYS_sendto, s, "a", 1, 0x100040, 0, 0);
    return 0;
}
