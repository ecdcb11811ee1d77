/*
 * Benchmark (bench/tracer-bench.sh, row "memory allocation"): malloc/free of blocks of varying
 * size (OSBench-like mem_alloc). It makes almost no syscalls, and the few it makes (brk, mmap,
 * munmap) are not in pdig's default set, so a tracer should cost nothing here: any slowdown is
 * seccomp-filter overhead or noise.
 * Usage: bench_mem_alloc [ROUNDS=20000]   (each round allocates then frees 1000 blocks)
 * Prints one line: "RESULT mem_alloc ops=ROUNDS*1000 ns=ELAPSED".
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

#define BLOCKS 1000

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 20000;
    if (rounds <= 0) { fprintf(stderr, "bench_mem_alloc: bad count %s\n", argv[1]); return 2; }
    static char *blocks[BLOCKS];
    unsigned long sum = 0;
    long long t0 = now_ns();
    for (long r = 0; r < rounds; r++) {
        for (int i = 0; i < BLOCKS; i++) {
            /* Sizes 16..4111 bytes, varying by block and round so the allocator's bins all work. */
            size_t size = 16 + (size_t)((i * 37 + r * 11) & 4095);
            blocks[i] = malloc(size);
            if (!blocks[i]) { fprintf(stderr, "bench_mem_alloc: out of memory\n"); return 1; }
            blocks[i][0] = (char)i; /* touch it so the allocation cannot be optimised away */
        }
        for (int i = 0; i < BLOCKS; i++) {
            sum += (unsigned char)blocks[i][0];
            free(blocks[i]);
        }
    }
    long long t1 = now_ns();
    if (sum == 1) puts(""); /* keeps sum live */
    printf("RESULT mem_alloc ops=%ld ns=%lld\n", rounds * BLOCKS, t1 - t0);
    return 0;
}
