/* Trigger for "Search for private keys or cloud credentials": runs find for id_rsa and grep for
 * aws_secret_access_key over an empty temporary directory. */
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
    char dir[] = "/tmp/pdig-trig-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char *find[] = {"/usr/bin/find", dir, "-name", "id_rsa", NULL};
    char *grep[] = {"/usr/bin/grep", "-r", "-i", "aws_secret_access_key", dir, NULL};
    run(find);
    run(grep);
    rmdir(dir);
    puts("searched for id_rsa and aws_secret_access_key");
    return 0;
}
