/* Trigger for "Kernel module load attempt": init_module() with a bogus image and finit_module() on
 * a file holding the same bytes. The kernel rejects both (ENOEXEC, or EPERM where loading is
 * disabled); the rule reports the attempt. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
    static const char image[64] = "pdig: this is not an ELF module";
    if (syscall(SYS_init_module, image, sizeof image, "") != 0) {
        printf("init_module: %s\n", strerror(errno));
    }
    char path[64];
    snprintf(path, sizeof path, "/tmp/pdig-trig-%d.ko", (int) getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) { perror(path); return 1; }
    (void) write(fd, image, sizeof image);
    close(fd);
    fd = open(path, O_RDONLY);
    if (syscall(SYS_finit_module, fd, "", 0) != 0) {
        printf("finit_module: %s\n", strerror(errno));
    }
    close(fd);
    unlink(path);
    return 0;
}
