/* getrandom as strace shows it: the bytes the kernel wrote, every one in hex, the first 32 of a
 * longer buffer; named flags; a failed call's buffer as its address. Prints the bytes it got in
 * hex, so a test can compare them with the traced line. */
#include <stdio.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <unistd.h>

static void hex(const char *name, const unsigned char *b, long n)
{
    printf("%s ", name);
    for (long i = 0; i < n; i++) printf("\\x%02x", b[i]);
    printf("\n");
}

int main(void)
{
    unsigned char a[8], b[40], c[4];
    long na = syscall(SYS_getrandom, a, sizeof a, GRND_NONBLOCK);
    long nb = syscall(SYS_getrandom, b, sizeof b, 0);
    long nc = syscall(SYS_getrandom, c, sizeof c, GRND_RANDOM | GRND_NONBLOCK);
    syscall(SYS_getrandom, (void *)8, 4, 0);   /* EFAULT */
    syscall(SYS_getrandom, c, 0, 4);           /* GRND_INSECURE, nothing to write */
    hex("a", a, na);
    hex("b", b, nb > 32 ? 32 : nb);
    hex("c", c, nc);
    return 0;
}
