/* L1: i386 syscalls through int $0x80 from a 64-bit process. open(5) of argv[1] (copied into a
 * MAP_32BIT buffer, since the i386 ABI passes 32-bit pointers), close(6), getgid32(200, which is
 * tkill on x86_64) and, with "exec" as argv[2], execve(11) of /bin/true. Prints the results. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static long int80(long nr, long a, long b, long c)
{
    long ret;
    /* The compat entry clobbers r8-r11; only ebx, ecx, edx carry arguments here. */
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory", "r8", "r9", "r10", "r11");
    return ret;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/etc/passwd";
    char *low = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    if (low == MAP_FAILED) { perror("mmap"); return 1; }
    strcpy(low, path);
    long fd = int80(5, (long) (uintptr_t) low, 0, 0);
    dprintf(1, "open %ld addr %p\n", fd, (void *) low);
    if (fd >= 0) dprintf(1, "close %ld\n", int80(6, fd, 0, 0));
    dprintf(1, "getgid32 %ld\n", int80(200, 0, 0, 0));
    if (argc > 2 && strcmp(argv[2], "exec") == 0) {
        char *prog = low + 1024;
        strcpy(prog, "/bin/true");
        uint32_t *args = (uint32_t *) (low + 2048);
        args[0] = (uint32_t) (uintptr_t) prog;
        args[1] = 0;
        long rc = int80(11, (long) (uintptr_t) prog, (long) (uintptr_t) args, 0);
        dprintf(1, "execve failed %ld\n", rc);
        return 1;
    }
    return 0;
}
