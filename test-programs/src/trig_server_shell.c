/* Trigger for "Shell spawned by a server process": copies itself to <tmpdir>/nginx, runs the copy,
 * and the copy (whose comm is now "nginx") starts /bin/sh -c 'exit 0'. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int copy_file(const char *from, const char *to) {
    int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    if (in < 0 || out < 0) return -1;
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, n) != n) return -1;
    }
    close(in);
    close(out);
    return n < 0 ? -1 : 0;
}

static int run(char *const argv[]) {
    pid_t pid = fork();
    if (pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) < 0) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--serve") == 0) {
        /* Running as "nginx": spawn a shell the way an exploited request handler would. */
        char *sh[] = {"/bin/sh", "-c", "exit 0", NULL};
        return run(sh);
    }
    char dir[] = "/tmp/pdig-trig-XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char server[sizeof dir + 8];
    snprintf(server, sizeof server, "%s/nginx", dir);
    if (copy_file("/proc/self/exe", server) != 0) { perror("copy"); rmdir(dir); return 1; }
    char *child[] = {server, "--serve", NULL};
    int rc = run(child);
    unlink(server);
    rmdir(dir);
    printf("nginx copy spawned /bin/sh, rc=%d\n", rc);
    return rc;
}
