/* M4: a flipper thread rewrites one byte of a path buffer ("toctou.a" <-> "toctou.b") while the
 * main thread opens it argv[1] times. After each open the main thread compares the opened inode
 * with both files and prints "open I fd F actual a|b|?". Both files are created first. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char path[] = "toctou.a";
static volatile int stop;

static void *flip(void *arg)
{
    (void) arg;
    volatile char *c = &path[7]; /* volatile: every flip must reach memory */
    while (!stop) *c = *c == 'a' ? 'b' : 'a';
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    struct stat sa, sb, st;
    close(open("toctou.a", O_CREAT | O_WRONLY, 0600));
    close(open("toctou.b", O_CREAT | O_WRONLY, 0600));
    stat("toctou.a", &sa);
    stat("toctou.b", &sb);
    pthread_t t;
    pthread_create(&t, NULL, flip, NULL);
    for (int i = 0; i < n; i++) {
        int fd = open(path, O_RDONLY);
        char which = '?';
        if (fd >= 0 && fstat(fd, &st) == 0) which = st.st_ino == sa.st_ino ? 'a' : st.st_ino == sb.st_ino ? 'b' : '?';
        dprintf(1, "open %d fd %d actual %c\n", i, fd, which);
        if (fd >= 0) close(fd);
    }
    stop = 1;
    pthread_join(t, NULL);
    return 0;
}
