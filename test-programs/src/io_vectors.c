/* Known bytes through the iovec calls, for the segments --print and evt.buffer show: writev of
 * two segments through a pipe and readv of them into 3 + 10 bytes (the result split over the
 * segments), a short readv (the second segment gets nothing), 40 segments (more than the 32 shown),
 * two 50-byte segments (each more than the 32 bytes shown; together more than the default snap
 * length of 80) read back into 10 + 100 + 100 bytes, an empty writev, a writev with an unreadable
 * segment (a pipe then takes nothing) and one with an unreadable
 * array, a readv that fails (EBADF: the bases shown, nothing read); pwritev, preadv, pwritev2
 * (RWF_APPEND) and preadv2 on an unnamed temporary file. */
#include <fcntl.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static char a[3], b[10], big[300];

int main(void)
{
    int p[2];
    if (pipe(p) != 0) return 1; /* fds 3 and 4 */
    struct iovec w[2] = {{"hello", 5}, {" world\n", 7}};
    struct iovec r[2] = {{a, sizeof a}, {b, sizeof b}};
    writev(p[1], w, 2);
    readv(p[0], r, 2);
    write(p[1], "abc", 3);
    readv(p[0], r, 2);           /* short: 3 bytes, all in the first segment */
    static char seg[40][2];
    struct iovec many[40];
    for (int i = 0; i < 40; i++) {
        seg[i][0] = (char) ('a' + i % 26);
        seg[i][1] = (char) ('0' + i % 10);
        many[i].iov_base = seg[i];
        many[i].iov_len = 2;
    }
    writev(p[1], many, 40);
    struct iovec rbig[1] = {{big, 80}};
    readv(p[0], rbig, 1);
    char fifty[100];
    memset(fifty, 'B', 50);
    memset(fifty + 50, 'C', 50);
    struct iovec halves[2] = {{fifty, 50}, {fifty + 50, 50}};
    writev(p[1], halves, 2);
    struct iovec rv[3] = {{big, 10}, {big + 10, 100}, {big + 110, 100}};
    readv(p[0], rv, 3);
    writev(p[1], w, 0);
    struct iovec bad[2] = {{"ok", 2}, {(void *) 16, 3}};
    writev(p[1], bad, 2);         /* EFAULT: a pipe takes nothing when a segment faults */
    struct iovec *volatile nowhere = (struct iovec *) 16; /* volatile: gcc does not warn */
    writev(p[1], nowhere, 2);     /* EFAULT: the array cannot be read */
    readv(99, r, 2);              /* EBADF: nothing written */
    int f = open("/tmp", O_TMPFILE | O_RDWR, 0600); /* fd 5 */
    if (f >= 0) {
        pwritev(f, w, 2, 0);
        preadv(f, r, 2, 1);
        pwritev2(f, w, 2, 0, RWF_APPEND);
        preadv2(f, r, 2, -1, 0);
        close(f);
    }
    return 0;
}
