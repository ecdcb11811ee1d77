/* Trigger for "Data destruction tool launched": shreds and removes a scratch file it created. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/pdig-trig-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char file[sizeof dir + 8];
    snprintf(file, sizeof file, "%s/data", dir);
    int fd = open(file, O_WRONLY | O_CREAT, 0600);
    if (fd < 0) { perror(file); return 1; }
    (void) write(fd, "precious\n", 9);
    close(fd);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/usr/bin/shred", "shred", "-u", file, (char *) NULL);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    unlink(file);
    rmdir(dir);
    printf("shred -u %s, status %d\n", file, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return 0;
}
