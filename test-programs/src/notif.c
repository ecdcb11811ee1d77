/* M2: a tracee-installed SECCOMP_RET_USER_NOTIF filter outranks the tracer's RET_TRACE. The main
 * thread installs (for itself only) a filter that sends openat to a listener; a helper thread
 * answers every notification with SECCOMP_USER_NOTIF_FLAG_CONTINUE; then the main thread opens
 * argv[1]. Prints "seccomp rc R errno E" and "open rc R". A monitor must see the open or refuse
 * the filter. */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile int listener = -1;

static void *answer(void *arg)
{
    (void) arg;
    while (listener < 0) usleep(1000);
    for (;;) {
        struct seccomp_notif req;
        memset(&req, 0, sizeof req);
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) != 0) return NULL;
        struct seccomp_notif_resp resp;
        memset(&resp, 0, sizeof resp);
        resp.id = req.id;
        resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
        ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
    }
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/etc/passwd";
    pthread_t t;
    pthread_create(&t, NULL, answer, NULL);
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {sizeof code / sizeof code[0], code};
    errno = 0;
    long rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
    dprintf(1, "seccomp rc %ld errno %d\n", rc, rc < 0 ? errno : 0);
    if (rc >= 0) listener = (int) rc;
    int fd = open(path, O_RDONLY);
    dprintf(1, "open rc %d\n", fd);
    return 0;
}
