/*
 * Sanitizer check of libpdigtracer's C code (run by run-asan.sh, which links the library sources
 * with -fsanitize=address,undefined). Exercises the real mechanism end to end: spawn /bin/true
 * under a seccomp filter that traces execve and openat, wait for every stop, read the syscall
 * arguments with pdig_read_str/pdig_read_mem, readlink /proc entries, read a batch of /proc files
 * (pdig_read_proc_files) into a buffer too small for them all, and check the exit status; then
 * the mount table watch, pdig_lstat and pdig_statfs, a mount namespace's watch, table and
 * inode; then the caller's environment handover.
 * Prints "asan-driver ok" and exits 0 on success.
 */
#include "../../main/c/pdig.h"

#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define AUDIT_ARCH_X86_64 0xC000003E
#define OPTS (1 | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 7) | (1L << 20))

/* The ./pdig script's environment handover through a pipe: text in, the decoded entries out. */
static long take_from_pipe(const char *text, char **entries) {
    int p[2];
    if (pipe(p) != 0) return -1000;
    if (write(p[1], text, strlen(text)) != (ssize_t)strlen(text)) return -1001;
    close(p[1]);
    char fd_text[16];
    snprintf(fd_text, sizeof fd_text, "%d", p[0]);
    long n = pdig_caller_env_take(fd_text, entries);
    if (fcntl(p[0], F_GETFD) != -1) return -1002; /* read once and closed */
    return n;
}

static int check_caller_env(void) {
    char *entries = NULL;
    if (take_from_pipe("A=1\nB=x\\\\y\\nz\n=odd\n\n", &entries) != 3) return 1;
    const char *e = entries;
    if (strcmp(e, "A=1") != 0) return 2;
    e += strlen(e) + 1;
    if (strcmp(e, "B=x\\y\nz") != 0) return 3;
    e += strlen(e) + 1;
    if (strcmp(e, "=odd") != 0) return 4;
    free(entries);
    if (take_from_pipe("\n", &entries) != 0) return 5;
    free(entries);
    if (take_from_pipe("A=1\n", &entries) != -22 || take_from_pipe("A=\\t\n\n", &entries) != -22
        || take_from_pipe("A=1\\", &entries) != -22 || take_from_pipe("", &entries) != -22) return 6;
    /* Not the script's (a file that still has a name): neither read nor closed. */
    int f = open("/bin/true", O_RDONLY);
    char fd_text[16];
    snprintf(fd_text, sizeof fd_text, "%d", f);
    if (pdig_caller_env_take(fd_text, &entries) != -9 || fcntl(f, F_GETFD) == -1) return 7;
    close(f);
    if (pdig_caller_env_take("12x", &entries) != -22 || pdig_caller_env_take("2", &entries) != -22) return 8;
    return 0;
}

int main(void) {
    struct sock_filter prog[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 59, 2, 0),  /* execve */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 257, 1, 0), /* openat */
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
    };
    if (pdig_native_abi_version() != PDIG_NATIVE_ABI_VERSION) return 2;
    long h = pdig_spawn_new();
    if (h <= 0) return 3;
    pdig_spawn_set_path(h, "/bin/true");
    pdig_spawn_add_arg(h, "/bin/true");
    pdig_spawn_add_arg(h, "asan");
    pdig_spawn_set_filter(h, (const unsigned char *)prog, sizeof prog / sizeof prog[0]);
    pdig_spawn_set_signals(h, 0, 0);
    int pid = pdig_spawn_start(h, OPTS);
    if (pid < 0) {
        fprintf(stderr, "spawn: %d\n", pid);
        return 4;
    }
    int64_t out[PDIG_SLOT_COUNT + 4];
    int64_t *scratch = calloc(1, 8192);
    int seccomp_stops = 0, execs = 0, strings = 0, exit_code = -1;
    for (;;) {
        memset(out, 0, sizeof out);
        int tid = pdig_next(out, execs ? 20000 : 0); /* both the blocking and the polling wait */
        if (tid == -10) break; /* ECHILD */
        if (tid < 0) {
            fprintf(stderr, "next: %d\n", tid);
            return 5;
        }
        if (out[PDIG_SLOT_POLLED] != 0 && out[PDIG_SLOT_POLLED] != 1) return 11;
        int st = (int)out[PDIG_SLOT_STATUS];
        if (WIFEXITED(st) || WIFSIGNALED(st)) {
            if (tid == pid) exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            continue;
        }
        int event = (unsigned)st >> 16;
        if (event == 7) { /* PTRACE_EVENT_SECCOMP */
            seccomp_stops++;
            long r = pdig_read_str(tid, (long)out[PDIG_SLOT_ARG0 + (out[PDIG_SLOT_NR] == 257 ? 1 : 0)], scratch, 4096);
            if (r >= 0 && (r >> 32) & 1) strings++;
            pdig_read_mem(tid, (long)out[PDIG_SLOT_ARG0], scratch, 4096 + 100); /* crosses a page */
            pdig_read_mem(tid, 8, scratch, 16);                                 /* unmapped: -EFAULT */
        } else if (event == 4) { /* PTRACE_EVENT_EXEC */
            char link[256];
            execs++;
            if (pdig_readlink_proc(tid, 2, 0, link, sizeof link) <= 0) return 6;
            /* An event stop: the syscall from the registers is the execve (59) that made it. */
            int64_t regs[PDIG_SLOT_COUNT];
            if (pdig_syscall_regs(tid, regs) != 0 || regs[PDIG_SLOT_NR] != 59 || regs[PDIG_SLOT_ARCH] != AUDIT_ARCH_X86_64) return 10;
            /* Batch read, with a buffer too small for every file: the later ones are cut, not overrun. */
            /* '@' and '%': the exe's struct statx (256 bytes) and struct statfs (120 bytes). */
            static const char names[] = ">exe\0@exe\0%exe\0cmdline\0status\0no-such-file\0stat";
            int32_t lens[7] = {256, 256, 120, 4096, 65536, 16, 4096};
            char files[1024];
            int lowest_free_fd = open("/dev/null", O_RDONLY);
            close(lowest_free_fd);
            long used = pdig_read_proc_files(tid, names, 7, lens, files, sizeof files);
            int after = open("/dev/null", O_RDONLY); /* the same number: no descriptor was left open */
            close(after);
            if (after != lowest_free_fd) return 9;
            if (used <= 0 || used > (long)sizeof files || lens[0] <= 0 || lens[1] != 256 || lens[2] != 120
                || lens[3] <= 0 || lens[5] != -2) return 7;
            /* A slot too small for the struct is refused, not overrun. */
            int32_t small[7] = {256, 100, 100, 4096, 65536, 16, 4096};
            if (pdig_read_proc_files(tid, names, 7, small, files, sizeof files) <= 0 || small[1] != -75 || small[2] != -75) return 11;
            if (pdig_read_proc_files(999999999, names, 7, lens, files, sizeof files) >= 0) return 8;
            pdig_spawn_free(h);
            h = 0;
        }
        pdig_ptrace(7 /* PTRACE_CONT */, tid, 0, 0);
    }
    if (h) pdig_spawn_free(h);
    free(scratch);
    if (exit_code != 0 || execs != 1 || seccomp_stops < 2 || strings < 2) {
        fprintf(stderr, "unexpected: exit=%d execs=%d seccomp=%d strings=%d\n", exit_code, execs, seccomp_stops, strings);
        return 7;
    }
    /* The mount table watch and lstat of raw bytes (the overlayfs layer lookup). Another process
     * may mount meanwhile, so a change may or may not be reported; either is a valid answer. */
    int watch = pdig_mounts_watch();
    if (watch < 0) return 12;
    int changed = pdig_mounts_changed(watch);
    if (changed != 0 && changed != 1) return 12;
    if (pdig_mounts_unwatch(watch) != 0 || pdig_mounts_changed(watch) >= 0) return 12;
    int64_t st[2] = {-1, -1};
    if (pdig_lstat("/bin/true", st) != 0 || st[0] <= 0) return 13;
    if (pdig_lstat("/no/such/dir/file", st) != -2) return 13;
    int64_t fs[4] = {0, 0, 0, 0};
    if (pdig_statfs("/", fs) != 0 || fs[1] <= 0 || pdig_statfs("/no/such/dir", fs) != -2) return 14;
    /* A process's namespace: its inode, the watch, the table read twice through the watch (each
     * read starts over) and once into a buffer too small for it. */
    long ns = pdig_mnt_ns(getpid());
    if (ns <= 0 || pdig_mnt_ns(0x7fffffff) != -2) return 15;
    int nswatch = pdig_mounts_watch_pid(getpid());
    if (nswatch < 0 || pdig_mounts_watch_pid(0x7fffffff) != -2) return 15;
    char *table = malloc(1 << 16);
    long first = pdig_mounts_read(nswatch, table, 1 << 16);
    long again = pdig_mounts_read(nswatch, table, 1 << 16);
    if (first <= 0 || first >= (1 << 16) || table[first - 1] != '\n' || again <= 0) return 15;
    if (pdig_mounts_read(nswatch, table, 8) != 8) return 15;
    free(table);
    changed = pdig_mounts_changed(nswatch);
    if ((changed != 0 && changed != 1) || pdig_mounts_unwatch(nswatch) != 0) return 15;
    int env_check = check_caller_env();
    if (env_check != 0) {
        fprintf(stderr, "caller environment check %d failed\n", env_check);
        return 16;
    }
    printf("asan-driver ok (seccomp stops %d)\n", seccomp_stops);
    return 0;
}
