/* F2: the real parent must still get its child's status although the tracer saw the exit first.
 * Prints "child PID status S"; exits 0 when S is 42. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    pid_t pid = fork();
    if (pid == 0) _exit(42);
    int status = 0;
    pid_t got = waitpid(pid, &status, 0);
    int code = got == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    dprintf(1, "child %d status %d\n", pid, code);
    return code == 42 ? 0 : 1;
}
