/* K1: chdir() with pointers a tracer cannot read as strings: NULL, -1, a high-bits-set alias of
 * a valid pointer, and a string running into an unmapped guard page with no NUL. Also a string
 * whose NUL is the last byte before the guard page (readable: ENOENT). Prints
 * "case NAME addr 0xADDR rc R errno E" for each. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void try(const char *name, const char *p)
{
    errno = 0;
    int rc = chdir(p);
    dprintf(1, "case %s addr %p rc %d errno %d\n", name, (const void *) p, rc, rc ? errno : 0);
}

int main(void)
{
    char *map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(map + 4096, 4096); /* guard page */
    static char valid[] = "x.valid";
    try("null", NULL);
    try("minus-one", (const char *) -1L);
    try("high-bits", (const char *) (0xffffffff00000000UL | (uintptr_t) valid));
    memset(map, 'a', 4096); /* no NUL before the guard page */
    try("no-nul", map + 4096 - 16);
    const char tail[] = "x.page-end";
    memcpy(map + 4096 - sizeof tail, tail, sizeof tail); /* NUL is the page's last byte */
    try("page-end", map + 4096 - sizeof tail);
    return 0;
}
