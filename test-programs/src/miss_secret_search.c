/* Near miss for "Search for private keys or cloud credentials": the same tools searching for
 * ordinary names and words. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void run(char *const argv[]) {
    pid_t pid = fork();
    if (pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
    if (pid > 0) waitpid(pid, NULL, 0);
}

int main(void) {
    char dir[] = "/tmp/pdig-miss-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char *find[] = {"/usr/bin/find", dir, "-name", "*.txt", NULL};
    char *grep[] = {"/usr/bin/grep", "-r", "-i", "hello", dir, NULL};
    run(find);
    run(grep);
    rmdir(dir);
    puts("searched for *.txt and hello");
    return 0;
}
