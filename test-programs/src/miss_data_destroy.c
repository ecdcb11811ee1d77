/* Near miss for "Data destruction tool launched": removes a scratch file with rm. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/pdig-miss-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char file[sizeof dir + 8];
    snprintf(file, sizeof file, "%s/data", dir);
    int fd = open(file, O_WRONLY | O_CREAT, 0600);
    if (fd < 0) { perror(file); return 1; }
    close(fd);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/rm", "rm", "-f", file, (char *) NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    rmdir(dir);
    puts("rm -f of a scratch file");
    return 0;
}
