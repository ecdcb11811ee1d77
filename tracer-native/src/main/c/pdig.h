/*
 * libpdigtracer: the mechanism half of pdig's ptrace driver.
 *
 * This library knows ptrace, waitpid, clone, memory reads and "install this BPF program"; it knows
 * no syscall names and makes no policy decision (those live in Java, io.pdig.tracer). Every
 * function returns a non-negative result or -errno; it never touches errno-based reporting so
 * that the Java side maps errors in exactly one place (io.pdig.tracer.Errno).
 *
 * Threading: every ptrace/wait function must be called from the one tracer thread that spawned
 * or seized the tracees (ptrace belongs to an OS thread). pdig_kill/pdig_wake may be called from
 * any thread.
 *
 * ABI: bump PDIG_NATIVE_ABI_VERSION whenever a signature or the layout of struct pdig_stop changes;
 * NativeLibrary checks it at load time.
 */
#ifndef PDIG_H
#define PDIG_H

#include <stdint.h>
#include <sys/types.h>

#define PDIG_NATIVE_ABI_VERSION 13

/*
 * Layout of the buffer pdig_next() fills (int64 slots; the Java side reads them by index, see
 * io.pdig.tracer.StopBuffer). Only the slots relevant to the stop kind are written.
 */
enum pdig_stop_slot {
    PDIG_SLOT_STATUS = 0,      /* wait status */
    PDIG_SLOT_TID = 1,         /* thread reported */
    PDIG_SLOT_EVENTMSG = 2,    /* PTRACE_GETEVENTMSG for fork/vfork/clone/exec/exit events */
    PDIG_SLOT_INFO_RC = 3,     /* result of PTRACE_GET_SYSCALL_INFO (bytes) or -errno */
    PDIG_SLOT_OP = 4,          /* PTRACE_SYSCALL_INFO_{NONE,ENTRY,EXIT,SECCOMP} */
    PDIG_SLOT_ARCH = 5,        /* AUDIT_ARCH_* */
    PDIG_SLOT_NR = 6,          /* syscall number (entry/seccomp) or return value (exit) */
    PDIG_SLOT_IS_ERROR = 7,    /* exit: 1 when the return value is an error */
    PDIG_SLOT_ARG0 = 8,        /* entry/seccomp: 6 arguments in slots 8..13 */
    PDIG_SLOT_RET_DATA = 14,   /* seccomp: SECCOMP_RET_DATA of the filter */
    PDIG_SLOT_SIG_RC = 15,     /* result of PTRACE_GETSIGINFO (0 or -errno) */
    PDIG_SLOT_SI_SIGNO = 16,
    PDIG_SLOT_SI_CODE = 17,
    PDIG_SLOT_SI_PID = 18,
    PDIG_SLOT_SI_UID = 19,
    PDIG_SLOT_POLLED = 20,     /* 1 when the stop was found while polling (spin_ns > 0), else 0 */
    /*
     * siginfo bytes 24..47, the rest of the union after si_pid/si_uid, as three raw words: for
     * SIGCHLD si_status (int at 24), si_utime (32) and si_stime (40); other signals keep other
     * fields there (si_value, si_fd, si_syscall). Raw, so that the tracer needs no per-signal layout.
     */
    PDIG_SLOT_SI_W24 = 21,
    PDIG_SLOT_SI_W32 = 22,
    PDIG_SLOT_SI_W40 = 23,
    /*
     * syscall stops (entry, exit, seccomp): the thread's user stack pointer, as
     * PTRACE_GET_SYSCALL_INFO reports it. Memory the caller may read relative to it is the Java
     * side's business (the signal frame of rt_sigreturn, for one).
     */
    PDIG_SLOT_SP = 24,
    PDIG_SLOT_COUNT = 25
};

int pdig_native_abi_version(void);

/* caller_env.c */
/* The caller's environment from the ./pdig script's descriptor (decimal in fd_text), read once and
 * closed: *entries gets the entries one after another, each NUL-terminated (free it); returns
 * their number, or a negative errno (nothing read when the descriptor is not the script's). */
long pdig_caller_env_take(const char *fd_text, char **entries);

/* spawn.c */
long pdig_spawn_new(void);
int pdig_spawn_set_path(long h, const char *path);
int pdig_spawn_add_arg(long h, const char *arg);
int pdig_spawn_add_env(long h, const char *entry);
int pdig_spawn_use_env(long h);
int pdig_spawn_set_cwd(long h, const char *cwd);
int pdig_spawn_set_filter(long h, const unsigned char *prog, int insns);
int pdig_spawn_set_signals(long h, uint64_t ignored, uint64_t mask);
int pdig_spawn_set_closed_stdio(long h, int mask);
int pdig_spawn_set_kept_fds(long h, const int32_t *fds, int count);
int pdig_spawn_start(long h, long ptrace_options);
int pdig_spawn_error(long h, int64_t *out2);
void pdig_spawn_free(long h);

/* trace.c */
int pdig_next(int64_t *out, int64_t spin_ns); /* spin_ns < 0: pending stops only, 0 if none */
int pdig_syscall_regs(int pid, int64_t *out);
long pdig_ptrace(int request, int pid, long addr, long data);
int pdig_kill(int pid, int sig);
int pdig_tgkill(int tgid, int tid, int sig);
int pdig_gettid(void);
int pdig_install_wake_handler(int sig);
int pdig_set_affinity(int tid, int cpu);
int pdig_current_cpu_of(int tid);

/* mem.c */
long pdig_read_mem(int pid, long remote, int64_t *local, long len);
long pdig_read_str(int pid, long remote, int64_t *local, long max);
int pdig_readlink_proc(int tid, int what, int fd, char *buf, int len);
long pdig_read_proc_files(int pid, const char *names, int count, int32_t *lens, char *out, long cap);

/*
 * sockname.c: the addresses of socket fd `fd` of thread `tid` (of process `pid`). `want` has
 * PDIG_SOCKNAME_LOCAL and/or PDIG_SOCKNAME_PEER. `out` is int64 slot 0 (the local length), slot 1
 * (the peer length), then two byte slots of PDIG_SOCKNAME_MAX bytes (local, then peer) from
 * out + 2; a length is the bytes the kernel returned (cut at PDIG_SOCKNAME_MAX) or -errno for
 * that side (ENOTCONN, ENOTSOCK). A side not wanted is left untouched. Returns 0, or -errno when
 * the fd could not be copied (ESRCH: the process is gone; EBADF: no such fd); then nothing is
 * written.
 */
#define PDIG_SOCKNAME_LOCAL 1
#define PDIG_SOCKNAME_PEER 2
#define PDIG_SOCKNAME_MAX 128
int pdig_sock_names(int pid, int tid, int fd, int want, int64_t *out);

/* misc.c */
void pdig_die_by_signal(int sig);

/* mounts.c: a watch on pdig's mount table, lstat and statfs of raw path bytes (the overlayfs layer);
 * a watch on a tracee's mount namespace, its table, and which namespace a process is in (the
 * read-only superblock lookup). */
int pdig_mounts_watch(void);
int pdig_mounts_watch_pid(int pid);
int pdig_mounts_changed(int fd);
long pdig_mounts_read(int fd, char *buf, long cap);
long pdig_mnt_ns(int pid);
int pdig_mounts_unwatch(int fd);
int pdig_lstat(const char *path, int64_t *out);
int pdig_statfs(const char *path, int64_t *out);

/* sigpipe.c: pdig's own INT/TERM/HUP/QUIT as bytes on a pipe (the JVM runs with -Xrs). */
int pdig_sigpipe_install(long mask);
int pdig_sigpipe_wait(int fd);
int pdig_sigpipe_uninstall(void);
int pdig_sigpipe_close(void);

#endif
