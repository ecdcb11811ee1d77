/* H1/H2: an attach target with three threads. Each thread prints "thread I tid TID", waits until
 * DIR/go.I exists, calls chdir("x.thread.I") (fails: ENOENT, cwd unchanged) and exits. The main
 * thread waits for DIR/end, then exits 0; with -l it instead leaves at once with pthread_exit,
 * so the process lives on with a zombie leader until the last thread exits.
 *   mt_wait [-l] DIR */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static const char *dir;

static void wait_for(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    while (access(path, F_OK) != 0) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

static void *work(void *arg)
{
    long i = (long) arg;
    char name[32];
    dprintf(1, "thread %ld tid %ld\n", i, (long) syscall(SYS_gettid));
    snprintf(name, sizeof name, "go.%ld", i);
    wait_for(name);
    snprintf(name, sizeof name, "x.thread.%ld", i);
    chdir(name);
    dprintf(1, "thread %ld done\n", i);
    return NULL;
}

int main(int argc, char **argv)
{
    int leader_exits = argc > 2 && strcmp(argv[1], "-l") == 0;
    dir = argv[argc - 1];
    dprintf(1, "main %d\n", getpid());
    for (long i = 0; i < 3; i++) {
        pthread_t t;
        pthread_create(&t, NULL, work, (void *) i);
    }
    if (leader_exits) pthread_exit(NULL);
    wait_for("end");
    dprintf(1, "main done\n");
    return 0;
}
