/* E1/E2: execve from a non-leader thread.
 *   thread_exec one  - the leader blocks in nanosleep(123 s); one thread execs this program
 *   thread_exec two  - two threads exec at the same moment; the kernel picks one
 * The exec'd image ("thread_exec after TID") prints "after pid P former TID" and exits 0. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pthread_barrier_t barrier;
static char *self;
static pid_t leader;

/* Waits (at most about 2 s) until the leader is blocked in its sleep, so that the exec really
 * interrupts a sleeping leader (catalogue E1) rather than racing it to nanosleep. */
static void wait_for_leader_asleep(void)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int) leader);
    for (int i = 0; i < 2000; i++) {
        FILE *f = fopen(path, "r");
        long nr = -1;
        if (f) {
            if (fscanf(f, "%ld", &nr) != 1) nr = -1;
            fclose(f);
        }
        if (nr == SYS_nanosleep || nr == SYS_clock_nanosleep) return;
        usleep(1000);
    }
}

static void *do_exec(void *arg)
{
    (void) arg;
    char tid[32];
    snprintf(tid, sizeof tid, "%ld", (long) syscall(SYS_gettid));
    dprintf(1, "exec from %s\n", tid);
    wait_for_leader_asleep();
    pthread_barrier_wait(&barrier);
    execl("/proc/self/exe", self, "after", tid, (char *) NULL);
    dprintf(1, "exec failed\n");
    return NULL;
}

int main(int argc, char **argv)
{
    self = argv[0];
    if (argc > 2 && strcmp(argv[1], "after") == 0) {
        dprintf(1, "after pid %d tid %ld former %s\n", getpid(), (long) syscall(SYS_gettid), argv[2]);
        return 0;
    }
    int two = argc > 1 && strcmp(argv[1], "two") == 0;
    leader = getpid();
    dprintf(1, "leader %d\n", getpid());
    pthread_barrier_init(&barrier, NULL, two ? 2 : 1);
    pthread_t t;
    pthread_create(&t, NULL, do_exec, NULL);
    if (two) pthread_create(&t, NULL, do_exec, NULL);
    struct timespec ts = {123, 0};
    nanosleep(&ts, NULL);
    dprintf(1, "leader woke up\n");
    return 1;
}
