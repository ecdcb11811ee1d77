/* G1: recvfrom() blocked on a socketpair is interrupted by SIGALRM whose SA_RESTART handler
 * closes the peer; the restarted recvfrom returns 0 (EOF). The program must never see EINTR.
 * Prints "recvfrom rc R errno E handled H". */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static int peer;
static volatile sig_atomic_t handled;

static void on_alarm(int sig)
{
    (void) sig;
    handled++;
    close(peer);
}

int main(void)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 1;
    peer = sv[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 0}, {0, 100 * 1000}};
    setitimer(ITIMER_REAL, &it, NULL);
    char buf[16];
    errno = 0;
    ssize_t rc = recvfrom(sv[0], buf, sizeof buf, 0, NULL, NULL);
    dprintf(1, "recvfrom rc %zd errno %d handled %d\n", rc, rc < 0 ? errno : 0, (int) handled);
    return rc == 0 ? 0 : 1;
}
