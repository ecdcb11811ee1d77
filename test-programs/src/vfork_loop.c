/* D3: loops vfork + exec of /bin/true until killed (or argv[1] iterations), so a signal sent to
 * the launcher usually finds the parent blocked in vfork and the child stopped. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    dprintf(1, "ready %d\n", getpid());
    for (long i = 0; i < n; i++) {
        pid_t pid = vfork();
        if (pid == 0) {
            execl("/bin/true", "true", (char *) NULL);
            _exit(127);
        }
        if (pid < 0) return 1;
        waitpid(pid, NULL, 0);
    }
    dprintf(1, "done\n");
    return 0;
}
