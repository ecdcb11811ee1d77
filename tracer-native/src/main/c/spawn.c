/*
 * Spawning the tracee from the tracer thread without fork().
 *
 * fork() of a JVM with a large heap costs hundreds of ms, so the child is created with
 * clone(CLONE_VM | SIGCHLD) on its own stack (never CLONE_VFORK: the parent would wait for a child
 * that waits for its tracer, the parent). Because the child shares the JVM's memory and its TLS,
 * it uses raw syscalls only: glibc wrappers would write errno into the parent thread's TLS and
 * raise() would signal the parent thread.
 *
 * Handshake (no signal games): the child blocks every signal (inherited from the parent, which
 * blocks them around clone), then waits on a futex word. The parent PTRACE_SEIZEs it with all
 * options (TRACESECCOMP, EXITKILL...) and only then releases the futex, so the seccomp filter the
 * child installs next can never hit a missing tracer (which would turn traced calls into ENOSYS).
 *
 * The spawn request (strings, argv/envp arrays, stack, filter) stays alive until the Java side
 * frees it after the first exec event or the child's death: the child reads it until execve.
 */
#include "pdig.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/futex.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define SPAWN_STACK_SIZE (256 * 1024)
#define PDIG_MAX_KEPT_FDS 256

enum spawn_stage { STAGE_NONE = 0, STAGE_SIGNALS = 1, STAGE_CHDIR = 2, STAGE_FILTER = 3, STAGE_EXEC = 4, STAGE_ABORT = 5 };

struct strvec {
    char **items;
    int count;
    int cap;
};

struct pdig_spawn {
    char *path;
    char *cwd;
    struct strvec argv;
    struct strvec envp;
    int explicit_env;
    struct sock_filter *filter;
    unsigned short filter_len;
    uint64_t sigign;
    uint64_t sigmask;
    int closed_stdio; /* bit N: fd N (0-2) was closed when pdig started */
    /* Descriptors above 2 that pdig's caller passed to it (ascending): the command gets them too. */
    int kept_fds[PDIG_MAX_KEPT_FDS];
    int kept_count;
    /* No PTRACE_O_EXITKILL: the command outlives pdig (then it runs with no_new_privs). */
    int fail_open;
    void *stack;
    /* Futex word: 0 = wait, 1 = go, -1 = abort. Written by the parent, read by the child. */
    volatile int go;
    /* Written by the child before it exits on a setup failure. */
    volatile int fail_stage;
    volatile int fail_errno;
    pid_t pid;
};

extern char **environ;

/* Raw syscall: no errno, no TLS, safe in a CLONE_VM child sharing the parent's TLS. */
static inline long raw6(long n, long a, long b, long c, long d, long e, long f) {
    long ret;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

/* The kernel's struct sigaction for rt_sigaction (not glibc's). */
struct ksigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint64_t mask;
};

/*
 * The child runs on the parent thread's TLS: sanitizer runtimes (ASan/UBSan keep per-thread state
 * there) must not run in it, hence no_sanitize; and no libc call that may touch errno or locks.
 */
#define CHILD_CODE __attribute__((no_sanitize("address", "undefined"), noinline))

static CHILD_CODE __attribute__((noreturn)) void child_fail(struct pdig_spawn *s, int stage, long err) {
    s->fail_errno = (int)-err;
    __atomic_store_n(&s->fail_stage, stage, __ATOMIC_RELEASE);
    for (;;) {
        raw6(SYS_exit_group, 127, 0, 0, 0, 0, 0);
    }
}

static CHILD_CODE int child_main(void *arg) {
    struct pdig_spawn *s = arg;
    long r;
    /* Every signal is blocked here (the parent blocked all around clone). Wait for the seize. */
    while (__atomic_load_n(&s->go, __ATOMIC_ACQUIRE) == 0) {
        raw6(SYS_futex, (long)&s->go, FUTEX_WAIT, 0, 0, 0, 0);
    }
    if (__atomic_load_n(&s->go, __ATOMIC_ACQUIRE) < 0) {
        child_fail(s, STAGE_ABORT, -ECANCELED);
    }
    /* Dispositions: SIG_DFL for all, except those the launcher itself inherited as ignored. */
    for (int sig = 1; sig <= 64; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        struct ksigaction ksa;
        ksa.handler = (s->sigign >> (sig - 1)) & 1 ? SIG_IGN : SIG_DFL;
        ksa.flags = 0;
        ksa.restorer = NULL;
        ksa.mask = 0;
        raw6(SYS_rt_sigaction, sig, (long)&ksa, 0, 8, 0, 0);
    }
    if (s->cwd != NULL) {
        r = raw6(SYS_chdir, (long)s->cwd, 0, 0, 0, 0, 0);
        if (r < 0) child_fail(s, STAGE_CHDIR, r);
    }
    /*
     * The JVM's descriptors (jars, sockets, journal) must not leak, but those pdig's caller passed
     * on (a make jobserver's pipe, a socket-activation fd, `exec 3>file`) are the command's: every
     * range between the kept ones is closed. ENOSYS on old kernels is ignored.
     */
    unsigned int from = 3;
    for (int i = 0; i < s->kept_count; i++) {
        unsigned int kept = (unsigned int)s->kept_fds[i];
        if (kept > from) raw6(SYS_close_range, from, kept - 1, 0, 0, 0, 0);
        if (kept >= from) from = kept + 1;
    }
    raw6(SYS_close_range, from, ~0U, 0, 0, 0, 0);
    /* Standard descriptors pdig was started without: the JVM reused those numbers; closed again. */
    for (int fd = 0; fd <= 2; fd++) {
        if (s->closed_stdio & (1 << fd)) raw6(SYS_close, fd, 0, 0, 0, 0, 0);
    }
    /*
     * The inherited mask before the filter: the filter makes every later call a traced one, and
     * the command's trace starts with its execve, as under strace (a pending signal now kills or
     * stops the child with its default action before anything ran, like a signal just after exec).
     */
    uint64_t mask = s->sigmask;
    raw6(SYS_rt_sigprocmask, SIG_SETMASK, (long)&mask, 0, 8, 0, 0);
    if (s->filter_len > 0) {
        /*
         * no_new_privs only where the kernel demands it (no CAP_SYS_ADMIN) or where pdig may leave:
         * it would stop set-user-ID and file-capability programs (sudo, ping, passwd) from gaining
         * privileges for the rest of the command's life, where untraced they would (strace
         * --seccomp-bpf sets it, and sudo fails there). Under a tracer with CAP_SYS_PTRACE the
         * kernel lets them gain privileges. Fail-open keeps it: after pdig's death the filter
         * turns traced calls (setuid among them) into ENOSYS, which a privileged program must not
         * meet; fail-closed tracees die with pdig (PTRACE_O_EXITKILL).
         */
        struct sock_fprog prog = {.len = s->filter_len, .filter = s->filter};
        if (s->fail_open) {
            r = raw6(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0);
            if (r < 0) child_fail(s, STAGE_FILTER, r);
        }
        r = raw6(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (long)&prog, 0, 0, 0);
        if (r == -EACCES && !s->fail_open) {
            r = raw6(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0);
            if (r < 0) child_fail(s, STAGE_FILTER, r);
            r = raw6(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (long)&prog, 0, 0, 0);
        }
        if (r < 0) child_fail(s, STAGE_FILTER, r);
    }
    r = raw6(SYS_execve, (long)s->path, (long)s->argv.items, (long)s->envp.items, 0, 0, 0);
    child_fail(s, STAGE_EXEC, r);
}

static int vec_push(struct strvec *v, const char *str) {
    if (v->count + 2 > v->cap) {
        int cap = v->cap ? v->cap * 2 : 16;
        char **n = realloc(v->items, sizeof(char *) * cap);
        if (n == NULL) return -ENOMEM;
        v->items = n;
        v->cap = cap;
    }
    char *copy = NULL;
    if (str != NULL) {
        copy = strdup(str);
        if (copy == NULL) return -ENOMEM;
    }
    v->items[v->count] = copy;
    if (copy != NULL) v->count++;
    v->items[v->count] = NULL;
    return 0;
}

static void vec_free(struct strvec *v) {
    for (int i = 0; i < v->count; i++) free(v->items[i]);
    free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}

long pdig_spawn_new(void) {
    struct pdig_spawn *s = calloc(1, sizeof *s);
    if (s == NULL) return -ENOMEM;
    return (long)s;
}

int pdig_spawn_set_path(long h, const char *path) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    free(s->path);
    s->path = strdup(path);
    return s->path ? 0 : -ENOMEM;
}

int pdig_spawn_add_arg(long h, const char *arg) {
    return vec_push(&((struct pdig_spawn *)h)->argv, arg);
}

int pdig_spawn_add_env(long h, const char *entry) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    s->explicit_env = 1;
    return vec_push(&s->envp, entry);
}

int pdig_spawn_use_env(long h) {
    ((struct pdig_spawn *)h)->explicit_env = 1;
    return vec_push(&((struct pdig_spawn *)h)->envp, NULL);
}

int pdig_spawn_set_cwd(long h, const char *cwd) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    free(s->cwd);
    s->cwd = strdup(cwd);
    return s->cwd ? 0 : -ENOMEM;
}

int pdig_spawn_set_filter(long h, const unsigned char *prog, int insns) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    if (insns <= 0 || insns > BPF_MAXINSNS) return -EINVAL;
    free(s->filter);
    s->filter = malloc(sizeof(struct sock_filter) * insns);
    if (s->filter == NULL) return -ENOMEM;
    memcpy(s->filter, prog, sizeof(struct sock_filter) * insns);
    s->filter_len = (unsigned short)insns;
    return 0;
}

int pdig_spawn_set_signals(long h, uint64_t ignored, uint64_t mask) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    s->sigign = ignored;
    s->sigmask = mask;
    return 0;
}

int pdig_spawn_set_closed_stdio(long h, int mask) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    s->closed_stdio = mask & 7;
    return 0;
}

/*
 * Ascending descriptor numbers above 2 (the Java side sorts them); at most PDIG_MAX_KEPT_FDS are
 * kept, and a caller's descriptors past that many are closed like the JVM's.
 */
int pdig_spawn_set_kept_fds(long h, const int32_t *fds, int count) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    s->kept_count = 0;
    for (int i = 0; i < count && s->kept_count < PDIG_MAX_KEPT_FDS; i++) {
        if (fds[i] < 3 || (s->kept_count > 0 && fds[i] <= s->kept_fds[s->kept_count - 1])) return -EINVAL;
        s->kept_fds[s->kept_count++] = fds[i];
    }
    return 0;
}

/* The launcher passes its inherited state to the JVM through these; the tracee must not see them. */
static int is_private_env(const char *e) {
    return strncmp(e, "PDIG_ORIG_SIGIGN=", 17) == 0 || strncmp(e, "PDIG_ORIG_SIGMASK=", 18) == 0
        || strncmp(e, "PDIG_CLOSED_STDIO=", 18) == 0 || strncmp(e, "PDIG_KEPT_FDS=", 14) == 0
        || strncmp(e, "PDIG_JAVA_OPTS=", 15) == 0 || strncmp(e, "_JAVA_SR_SIGNUM=", 16) == 0
        || strncmp(e, "PDIG_CALLER_UNDERSCORE=", 23) == 0 || strncmp(e, "PDIG_CALLER_ENV_FD=", 19) == 0;
}

/*
 * The Java options the ./pdig script set aside for the command (PDIG_APP_JAVA_TOOL_OPTIONS=...):
 * the entry under its own name (JAVA_TOOL_OPTIONS=...), or NULL for any other entry. The names
 * are the script's list (its `for java_var in ...` loop); the two must agree.
 */
static const char *app_java_env(const char *e) {
    static const char prefix[] = "PDIG_APP_";
    static const char *const names[] = {"JAVA_TOOL_OPTIONS=", "JDK_JAVA_OPTIONS=", "_JAVA_OPTIONS=", "_JAVA_SR_SIGNUM="};
    if (strncmp(e, prefix, sizeof prefix - 1) != 0) return NULL;
    const char *rest = e + sizeof prefix - 1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strncmp(rest, names[i], strlen(names[i])) == 0) return rest;
    }
    return NULL;
}

/*
 * "_=" naming the program being run, as bash sets it for every command it starts. Given when the
 * ./pdig script found one in its caller's environment (PDIG_CALLER_UNDERSCORE=1): the JVM's own
 * environment has none (the script's bash drops it), and the caller's named pdig, not the command.
 */
static int push_underscore(struct pdig_spawn *s) {
    size_t n = strlen(s->path);
    char *e = malloc(n + 3);
    if (e == NULL) return -ENOMEM;
    memcpy(e, "_=", 2);
    memcpy(e + 2, s->path, n + 1);
    int rc = vec_push(&s->envp, e);
    free(e);
    return rc;
}

/*
 * The command's environment from the caller's own, as the ./pdig script received it
 * (caller_env.c): every entry in its place, "_" naming the command as bash would set it, and
 * without PDIG_JAVA_OPTS (pdig's own JVM's). Returns 1 when done, 0 when the script gave none (or
 * not readably: then the JVM's environment is used), or a negative errno.
 */
static int push_caller_env(struct pdig_spawn *s) {
    const char *fd_text = getenv("PDIG_CALLER_ENV_FD");
    if (fd_text == NULL || *fd_text == '\0') return 0;
    char *entries = NULL;
    long count = pdig_caller_env_take(fd_text, &entries);
    if (count < 0) return 0;
    int rc = 0;
    const char *e = entries;
    for (long i = 0; i < count && rc == 0; i++, e += strlen(e) + 1) {
        if (strncmp(e, "_=", 2) == 0) rc = push_underscore(s);
        else if (strncmp(e, "PDIG_JAVA_OPTS=", 15) != 0) rc = vec_push(&s->envp, e);
    }
    free(entries);
    if (rc == 0 && s->envp.items == NULL) rc = vec_push(&s->envp, NULL);
    return rc < 0 ? rc : 1;
}

int pdig_spawn_start(long h, long ptrace_options) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    int rc = 0;
    if (s->path == NULL || s->argv.count == 0) return -EINVAL;
    if (!s->explicit_env && (rc = push_caller_env(s)) < 0) return rc;
    if (!s->explicit_env && rc == 0) {
        for (char **e = environ; e != NULL && *e != NULL; e++) {
            if (strcmp(*e, "PDIG_CALLER_UNDERSCORE=1") == 0) {
                if ((rc = push_underscore(s)) < 0) return rc;
                continue;
            }
            /* The JVM's own "_" (if any) names java or pdig, never the command. */
            if (is_private_env(*e) || strncmp(*e, "_=", 2) == 0) continue;
            const char *java = app_java_env(*e);
            if ((rc = vec_push(&s->envp, java != NULL ? java : *e)) < 0) return rc;
        }
        if (s->envp.items == NULL && (rc = vec_push(&s->envp, NULL)) < 0) return rc;
    }
    s->fail_open = (ptrace_options & PTRACE_O_EXITKILL) == 0;
    s->stack = mmap(NULL, SPAWN_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (s->stack == MAP_FAILED) {
        s->stack = NULL;
        return -ENOMEM;
    }
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pid_t pid = clone(child_main, (char *)s->stack + SPAWN_STACK_SIZE, CLONE_VM | SIGCHLD, s);
    if (pid < 0) {
        rc = -errno;
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return rc;
    }
    s->pid = pid;
    if (ptrace(PTRACE_SEIZE, pid, 0L, ptrace_options) < 0) {
        rc = -errno;
        __atomic_store_n(&s->go, -1, __ATOMIC_RELEASE);
        syscall(SYS_futex, &s->go, FUTEX_WAKE, 1, NULL, NULL, 0);
        int st;
        while (waitpid(pid, &st, __WALL) < 0 && errno == EINTR) {
        }
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return rc;
    }
    __atomic_store_n(&s->go, 1, __ATOMIC_RELEASE);
    syscall(SYS_futex, &s->go, FUTEX_WAKE, 1, NULL, NULL, 0);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return pid;
}

int pdig_spawn_error(long h, int64_t *out2) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    out2[0] = __atomic_load_n(&s->fail_stage, __ATOMIC_ACQUIRE);
    out2[1] = s->fail_errno;
    return 0;
}

void pdig_spawn_free(long h) {
    struct pdig_spawn *s = (struct pdig_spawn *)h;
    if (s == NULL) return;
    free(s->path);
    free(s->cwd);
    vec_free(&s->argv);
    vec_free(&s->envp);
    free(s->filter);
    if (s->stack != NULL) munmap(s->stack, SPAWN_STACK_SIZE);
    free(s);
}
