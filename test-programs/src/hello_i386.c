/* E5: a 32-bit (i386) program with no libc, exec'd from a 64-bit tracee: writes "hello32",
 * opens "/dev/null" (i386 open, 5) and exits 0, all through int $0x80. Built with -m32. */
static long sys3(long nr, long a, long b, long c)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
    return ret;
}

void _start(void)
{
    static const char msg[] = "hello32\n";
    sys3(4, 1, (long) msg, sizeof msg - 1);
    long fd = sys3(5, (long) "/dev/null", 0, 0);
    if (fd >= 0) sys3(6, fd, 0, 0);
    sys3(1, 0, 0, 0);
    for (;;) {
    }
}
