/*
 * The environment pdig's caller gave the ./pdig script, exactly as given: its order, entries bash
 * keeps no variable for ("=x", names with odd characters), bash function bodies as written, and
 * without the PWD and SHLVL bash adds. bash builds the JVM's environment from its own variables,
 * so without this the command would get bash's version of its caller's environment, where strace
 * or an untraced start passes it on untouched.
 *
 * Format (written by the script, read once by the spawn): one entry per line, "\" written "\\"
 * and a newline "\n", then one empty line (a here-string's own final newline). The descriptor is
 * a pipe, or a deleted temporary file when the environment is larger than a pipe holds.
 */
#include "pdig.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Only what the script can have made: a pipe, or a regular file already unlinked. Anything else
 * under that number (the variable inherited by a program that reused the number) is not read.
 */
static int looks_like_script_handoff(int fd) {
    struct stat st;
    if (fstat(fd, &st) != 0) return 0;
    return S_ISFIFO(st.st_mode) || (S_ISREG(st.st_mode) && st.st_nlink == 0);
}

static long read_all(int fd, char **out) {
    size_t cap = 16384, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL) return -ENOMEM;
    for (;;) {
        if (len == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return -ENOMEM;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            return -e;
        }
        if (n == 0) break;
        len += (size_t)n;
    }
    *out = buf;
    return (long)len;
}

/*
 * Decodes in place: each entry becomes a NUL-terminated string, one after the other. Returns the
 * number of entries, or -EINVAL for text the script cannot have written (an unknown escape, no
 * final empty line).
 */
static long decode(char *text, long len) {
    if (len < 1 || text[len - 1] != '\n') return -EINVAL;
    long entries = 0;
    long out = 0;
    int line_empty = 1;
    for (long i = 0; i < len; i++) {
        char c = text[i];
        if (c == '\n') {
            text[out++] = '\0';
            entries++;
            if (i == len - 1 && !line_empty) return -EINVAL; /* the closing empty line is missing */
            line_empty = 1;
            continue;
        }
        line_empty = 0;
        if (c == '\\') {
            if (i + 1 >= len) return -EINVAL;
            char next = text[++i];
            if (next == '\\') c = '\\';
            else if (next == 'n') c = '\n';
            else return -EINVAL;
        }
        text[out++] = c;
    }
    return entries - 1; /* not the closing empty line */
}

long pdig_caller_env_take(const char *fd_text, char **entries) {
    char *end = NULL;
    errno = 0;
    long fd = strtol(fd_text, &end, 10);
    if (errno != 0 || end == fd_text || *end != '\0' || fd < 3 || fd > 1000000) return -EINVAL;
    if (!looks_like_script_handoff((int)fd)) return -EBADF;
    char *text = NULL;
    long len = read_all((int)fd, &text);
    /* Read once: the descriptor has no other use, and must not stay open in the JVM. */
    close((int)fd);
    if (len < 0) return len;
    long count = decode(text, len);
    if (count < 0) {
        free(text);
        return count;
    }
    *entries = text;
    return count;
}
