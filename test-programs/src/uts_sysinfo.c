/* uname and sysinfo, each once successfully and once into an unmapped buffer (EFAULT: nothing
 * written, only the address can be shown). Raw syscalls, so libc adds nothing. Prints the fields
 * that do not change between the call and the print, for the test to compare. */
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
    struct utsname u;
    struct sysinfo si;
    syscall(SYS_uname, &u);
    syscall(SYS_uname, (void *)8);
    syscall(SYS_sysinfo, &si);
    syscall(SYS_sysinfo, (void *)8);
    printf("%s|%s|%lu|%lu|%lu|%u\n", u.sysname, u.nodename, si.totalram, si.totalswap, si.totalhigh, si.mem_unit);
    return 0;
}
