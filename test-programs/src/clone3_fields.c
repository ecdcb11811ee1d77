/* clone3 with every pointer field of struct clone_args filled but only some flags set, so a
 * tracer shows pidfd, child_tid and parent_tid only under CLONE_PIDFD, CLONE_CHILD_SETTID and
 * CLONE_PARENT_SETTID (the kernel ignores them otherwise, and strace leaves them out), and after
 * the struct what the kernel wrote through pidfd and parent_tid (both at once too, and a
 * parent_tid it cannot write, which it ignores). Each fork-like child exits at once. Then one
 * thread (glibc makes it with clone3, with a stack and TLS).
 * Prints "pidfd P child_tid C parent_tid T" (the addresses put in every call but the last). */
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int pidfd = -1, ctid, ptid;

static void one(uint64_t flags, uint64_t parent_tid)
{
    struct clone_args a;
    memset(&a, 0, sizeof a);
    a.flags = flags;
    a.pidfd = (uintptr_t) &pidfd;
    a.child_tid = (uintptr_t) &ctid;
    a.parent_tid = parent_tid;
    a.exit_signal = SIGCHLD;
    long p = syscall(SYS_clone3, &a, sizeof a);
    if (p == 0) _exit(0);
    if (p > 0) waitpid((pid_t) p, NULL, 0);
    if (pidfd >= 0) close(pidfd);
    pidfd = -1;
}

static void *thread(void *arg)
{
    return arg;
}

int main(void)
{
    dprintf(1, "pidfd %p child_tid %p parent_tid %p\n", (void *) &pidfd, (void *) &ctid, (void *) &ptid);
    one(0, (uintptr_t) &ptid);
    one(CLONE_PIDFD, (uintptr_t) &ptid);
    one(CLONE_PARENT_SETTID, (uintptr_t) &ptid);
    one(CLONE_CHILD_SETTID, (uintptr_t) &ptid);
    one(CLONE_PIDFD | CLONE_PARENT_SETTID, (uintptr_t) &ptid);
    one(CLONE_PARENT_SETTID, 8); /* unwritable: the call still succeeds */
    pthread_t t;
    if (pthread_create(&t, NULL, thread, NULL) == 0) pthread_join(t, NULL);
    return 0;
}
