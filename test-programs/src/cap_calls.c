/* capget and capset as strace shows their header and data, raw syscalls: a version 3 query of
 * this process (by 0 and by its pid), the version probe libcap makes (version 0, no data: the
 * kernel writes its version back and returns 0), version 1 and 2 queries, an unknown version
 * (EINVAL, the data not read), an unreadable header (EFAULT) and a pid that does not exist
 * (ESRCH); then capset of the sets it read (no change) and of an unreadable data pointer. */
#include <linux/capability.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static long get(unsigned version, int pid, void *data)
{
    struct __user_cap_header_struct h = {version, pid};
    return syscall(SYS_capget, &h, data);
}

int main(void)
{
    struct __user_cap_data_struct d[2];
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
    get(_LINUX_CAPABILITY_VERSION_3, 0, d);
    get(_LINUX_CAPABILITY_VERSION_3, getpid(), d);
    get(0, 0, NULL);
    get(_LINUX_CAPABILITY_VERSION_1, 0, d);
    get(_LINUX_CAPABILITY_VERSION_2, 0, d);
    get(0x12345678, 0, d);                          /* EINVAL */
    syscall(SYS_capget, 8, d);                      /* EFAULT */
    get(_LINUX_CAPABILITY_VERSION_3, 999999999, d); /* ESRCH */
    get(_LINUX_CAPABILITY_VERSION_3, 0, d);
    syscall(SYS_capset, &h, d);
    syscall(SYS_capset, &h, 8);                     /* EFAULT */
    printf("pid %d\n", (int) getpid());
    return 0;
}
