/* Known bytes through read/write-family calls, for the data buffers --print and evt.buffer show:
 * printable text, C escapes, NUL, ESC, DEL and high bytes (0x80, 0xff), a NUL before a digit
 * (strace writes it \000 so the digit is not read as part of the escape), 40 bytes (more than
 * the 32 --print shows), 100 bytes (more than the default snap length of 80), through a pipe and
 * read back; pwrite64/pread64 on an unnamed temporary file; a read that fails (nothing written,
 * the address is shown) and a write from an unreadable buffer. With an argument, writes those
 * bytes (the argument's text) once more, so a test can choose what a rule sees. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static char buf[256];

static void through_pipe(int p[2], const char *data, size_t len)
{
    write(p[1], data, len);
    read(p[0], buf, sizeof buf);
}

int main(int argc, char **argv)
{
    int p[2];
    if (pipe(p) != 0) return 1; /* fds 3 and 4 */
    through_pipe(p, "hello\n", 6);
    through_pipe(p, "a\0b\033c\n\t\r\v\f\"\\\177\200\377x", 16);
    through_pipe(p, "\0001\0008", 4);
    through_pipe(p, "0123456789abcdefghijklmnopqrstuvwxyz0123", 40);
    char big[100];
    for (int i = 0; i < 100; i++) big[i] = (char) ('A' + i % 26);
    through_pipe(p, big, sizeof big);
    int f = open("/tmp", O_TMPFILE | O_RDWR, 0600); /* fd 5 */
    if (f >= 0) {
        pwrite(f, "xyz", 3, 5);
        pread(f, buf, 16, 4);
        close(f);
    }
    read(99, buf, 10);            /* EBADF: nothing was written */
    /* EFAULT: the buffer cannot be read (through a volatile pointer: gcc warns about a constant one) */
    const void *volatile unreadable = (const void *) 16;
    write(p[1], unreadable, 5);
    if (argc > 1) through_pipe(p, argv[1], strlen(argv[1]));
    return 0;
}
