/* M3: opens argv[1] through io_uring (IORING_OP_OPENAT), with no openat syscall at all. Raw
 * syscalls, no liburing. Prints "setup rc R errno E" and, when the ring exists,
 * "uring open res R". A monitor must at least see io_uring_setup. */
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/etc/passwd";
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    errno = 0;
    int fd = (int) syscall(SYS_io_uring_setup, 4, &p);
    dprintf(1, "setup rc %d errno %d\n", fd, fd < 0 ? errno : 0);
    if (fd < 0) return 0;
    size_t sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    size_t cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    char *sq = mmap(NULL, sq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQ_RING);
    char *cq = mmap(NULL, cq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_CQ_RING);
    struct io_uring_sqe *sqes = mmap(NULL, p.sq_entries * sizeof *sqes, PROT_READ | PROT_WRITE,
                                     MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
    if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED) { perror("mmap"); return 1; }
    unsigned *tail = (unsigned *) (sq + p.sq_off.tail);
    unsigned mask = *(unsigned *) (sq + p.sq_off.ring_mask);
    unsigned *array = (unsigned *) (sq + p.sq_off.array);
    unsigned idx = *tail & mask;
    memset(&sqes[idx], 0, sizeof sqes[idx]);
    sqes[idx].opcode = IORING_OP_OPENAT;
    sqes[idx].fd = AT_FDCWD;
    sqes[idx].addr = (unsigned long) path;
    sqes[idx].open_flags = O_RDONLY;
    array[idx] = idx;
    __atomic_store_n(tail, *tail + 1, __ATOMIC_RELEASE);
    int rc = (int) syscall(SYS_io_uring_enter, fd, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0);
    if (rc < 0) { dprintf(1, "enter errno %d\n", errno); return 0; }
    unsigned head = *(unsigned *) (cq + p.cq_off.head);
    unsigned cmask = *(unsigned *) (cq + p.cq_off.ring_mask);
    struct io_uring_cqe *cqes = (struct io_uring_cqe *) (cq + p.cq_off.cqes);
    dprintf(1, "uring open res %d\n", cqes[head & cmask].res);
    return 0;
}
