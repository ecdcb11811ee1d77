/* K4: after prctl(PR_SET_DUMPABLE, 0), process_vm_readv on this process fails with EPERM for a
 * non-root tracer; the tracer must still read the path (fallback) or mark it unreadable. The path
 * straddles a page boundary, so a reader that reads page by page needs two reads. Prints
 * "dumpable D open rc R". */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

int main(void)
{
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    char *map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    const char path[] = "undumpable.path.crossing.a.page.boundary";
    char *p = map + 4096 - 10;
    memcpy(p, path, sizeof path);
    int fd = open(p, O_RDONLY);
    dprintf(1, "dumpable %d open rc %d\n", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), fd);
    return 0;
}
