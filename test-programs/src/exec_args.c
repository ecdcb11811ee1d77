/* E3/E4: execve with huge, NULL and invalid argument vectors. Each case runs in a forked child
 * that calls execve("/bin/true", ...); the parent prints "case NAME pid P exit X" where X is the
 * child's exit status, or "case NAME pid P errno E" when the exec failed (the child reports its
 * errno as its exit status plus 100). Cases: big-ok (12 args of 100 KiB), over (30 args of
 * 100 KiB, past ARG_MAX: E2BIG), huge-string (one 200 KiB string, past MAX_ARG_STRLEN: E2BIG),
 * null-argv (argv NULL), empty-argv ({NULL}), bad-argv (argv points to an unmapped page; also
 * printed as "badargv ADDR"), bad-element (argv[1] points to an unmapped page, argv[2] is readable). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static char *unmapped_page(void)
{
    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p, 4096);
    return p;
}

static void run(const char *name, char **argv, char **envp)
{
    pid_t pid = fork();
    if (pid == 0) {
        execve("/bin/true", argv, envp);
        _exit(100 + errno);
    }
    int status;
    waitpid(pid, &status, 0);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code >= 100) dprintf(1, "case %s pid %d errno %d\n", name, pid, code - 100);
    else dprintf(1, "case %s pid %d exit %d\n", name, pid, code);
}

static char **many(int n, size_t len)
{
    char **v = calloc(n + 2, sizeof *v);
    v[0] = "true";
    for (int i = 1; i <= n; i++) {
        v[i] = malloc(len + 1);
        memset(v[i], 'a' + i % 26, len);
        v[i][len] = 0;
    }
    return v;
}

int main(void)
{
    char *envp[] = {"A=1", NULL};
    run("big-ok", many(12, 100 * 1024), envp);
    run("over", many(30, 100 * 1024), envp);
    run("huge-string", many(1, 200 * 1024), envp);
    run("null-argv", NULL, NULL);
    char *empty[] = {NULL};
    run("empty-argv", empty, envp);
    char **bad = (char **) unmapped_page();
    dprintf(1, "badargv %p\n", (void *) bad);
    run("bad-argv", bad, envp);
    char *badel[] = {"true", unmapped_page(), "after", NULL};
    dprintf(1, "badelement %p\n", (void *) badel[1]);
    run("bad-element", badel, envp);
    return 0;
}
