/* openat2 (S9: an alternative to openat that rules must see): a real open with RESOLVE_NO_SYMLINKS,
 * then a struct size below the first version's 24 bytes (EINVAL: the kernel reads nothing), then 32
 * bytes with a non-zero tail (E2BIG). Prints "how ADDR" and "open2 NAME rc R errno E" for each. */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void try(const char *name, void *how, size_t size)
{
    errno = 0;
    long rc = syscall(SYS_openat2, AT_FDCWD, "/etc/hostname", how, size);
    dprintf(1, "open2 %s rc %ld errno %d\n", name, rc, rc < 0 ? errno : 0);
    if (rc >= 0) close((int) rc);
}

int main(void)
{
    uint64_t buf[4] = {O_RDONLY | O_CLOEXEC, 0, RESOLVE_NO_SYMLINKS, 0};
    dprintf(1, "how %p\n", (void *) buf);
    try("ok", buf, sizeof(struct open_how));
    try("small", buf, 3);
    buf[3] = 1;
    try("tail", buf, sizeof buf);
    return 0;
}
