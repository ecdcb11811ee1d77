/* A7: the leader thread ends with the thread-exit syscall (status 5); a second thread sleeps,
 * then calls exit_group(9). The process status is 9; the leader's 5 is not. */
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void *late(void *arg)
{
    (void) arg;
    struct timespec ts = {0, 500 * 1000 * 1000};
    nanosleep(&ts, NULL);
    dprintf(1, "worker %ld exit_group 9\n", (long) syscall(SYS_gettid));
    syscall(SYS_exit_group, 9);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, late, NULL);
    dprintf(1, "leader %d exit 5\n", getpid());
    syscall(SYS_exit, 5);
    return 1;
}
