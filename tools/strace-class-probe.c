/* Calls every x86_64 syscall number once with zero arguments under a seccomp filter that fails
   each of them with ENOSYS (exit_group aside), so none runs; strace still sees every entry.
   Used only to list which names strace puts in a class (-e trace=%CLASS). */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
static long sc3(long nr, long a, long b, long c) {
    long ret;
    register long r10 __asm__("r10") = 0;
    __asm__ volatile ("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
    return ret;
}
void _start(void) {
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 231, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 38),
    };
    struct sock_fprog prog = { .len = 4, .filter = f };
    sc3(157, 38, 1, 0); /* prctl(PR_SET_NO_NEW_PRIVS, 1) */
    sc3(317, 1, 0, (long)&prog); /* seccomp(SECCOMP_SET_MODE_FILTER) */
    for (long nr = 0; nr < 470; nr++) {
        if (nr == 231 || (nr > 334 && nr < 424)) continue;
        sc3(nr, 0, 0, 0);
    }
    sc3(231, 0, 0, 0);
    for (;;) ;
}
