/* prctl's bounding-set queries: a known capability, the last one the headers name, and a number
 * no kernel knows (EINVAL). Raw syscalls, so libc adds nothing. Prints the results for the test. */
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    long chown = syscall(SYS_prctl, PR_CAPBSET_READ, 0L, 0L, 0L, 0L);         /* CAP_CHOWN */
    long restore = syscall(SYS_prctl, PR_CAPBSET_READ, 40L, 0L, 0L, 0L);      /* CAP_CHECKPOINT_RESTORE */
    long unknown = syscall(SYS_prctl, PR_CAPBSET_READ, 99L, 7L, 0L, 0L);
    printf("%ld %ld %ld\n", chown, restore, unknown);
    return 0;
}
