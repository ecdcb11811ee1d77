package io.pdig.model.consts;

/** mmap/mprotect constants, x86_64 values. */
public final class MemoryConsts {

    public static final FlagSet PROT = FlagSet.builder("mmap protection", """
            PROT_READ 0x1
            PROT_WRITE 0x2
            PROT_EXEC 0x4
            PROT_SEM 0x8
            PROT_GROWSDOWN 0x01000000
            PROT_GROWSUP 0x02000000
            """).zeroName("PROT_NONE").unknownAs("PROT_???").build();

    /** A NUMA memory policy's mode (linux/mempolicy.h), below its MPOL_MODE_FLAGS. */
    public static final ValueNames MPOL_MODES = ValueNames.parse("memory policy", """
            MPOL_DEFAULT 0
            MPOL_PREFERRED 1
            MPOL_BIND 2
            MPOL_INTERLEAVE 3
            MPOL_LOCAL 4
            MPOL_PREFERRED_MANY 5
            MPOL_WEIGHTED_INTERLEAVE 6
            """);

    /** The flags a memory policy's mode may carry (MPOL_MODE_FLAGS), in strace's order. */
    public static final FlagSet MPOL_MODE_FLAGS = FlagSet.parse("memory policy mode flags", """
            MPOL_F_STATIC_NODES 0x8000
            MPOL_F_RELATIVE_NODES 0x4000
            MPOL_F_NUMA_BALANCING 0x2000
            """);

    /** get_mempolicy's flags. */
    public static final FlagSet MPOL_GET_FLAGS = FlagSet.parse("get_mempolicy flags", "MPOL_???", """
            MPOL_F_NODE 0x1
            MPOL_F_ADDR 0x2
            MPOL_F_MEMS_ALLOWED 0x4
            """);

    /** mbind's flags. */
    public static final FlagSet MPOL_MBIND_FLAGS = FlagSet.parse("mbind flags", "MPOL_???", """
            MPOL_MF_STRICT 0x1
            MPOL_MF_MOVE 0x2
            MPOL_MF_MOVE_ALL 0x4
            """);

    /** madvise's advice (asm-generic/mman-common.h; x86_64 and i386 share it). */
    public static final ValueNames MADV_ADVICE = ValueNames.parse("madvise advice", """
            MADV_NORMAL 0
            MADV_RANDOM 1
            MADV_SEQUENTIAL 2
            MADV_WILLNEED 3
            MADV_DONTNEED 4
            MADV_FREE 8
            MADV_REMOVE 9
            MADV_DONTFORK 10
            MADV_DOFORK 11
            MADV_MERGEABLE 12
            MADV_UNMERGEABLE 13
            MADV_HUGEPAGE 14
            MADV_NOHUGEPAGE 15
            MADV_DONTDUMP 16
            MADV_DODUMP 17
            MADV_WIPEONFORK 18
            MADV_KEEPONFORK 19
            MADV_COLD 20
            MADV_PAGEOUT 21
            MADV_POPULATE_READ 22
            MADV_POPULATE_WRITE 23
            MADV_DONTNEED_LOCKED 24
            MADV_COLLAPSE 25
            MADV_HWPOISON 100
            MADV_SOFT_OFFLINE 101
            """).unknownAs("MADV_???");

    /** The mapping type (low 4 bits of mmap flags). */
    public static final ValueNames MAP_TYPES = ValueNames.parse("mmap type", """
            MAP_SHARED 0x1
            MAP_PRIVATE 0x2
            MAP_SHARED_VALIDATE 0x3
            """);

    /** mmap flags after the type, in strace 6.1's order. */
    public static final FlagSet MAP_FLAGS = FlagSet.builder("mmap flags", """
            MAP_FIXED 0x10
            MAP_ANONYMOUS 0x20
            MAP_ANON 0x20
            MAP_32BIT 0x40
            MAP_NORESERVE 0x4000
            MAP_POPULATE 0x8000
            MAP_NONBLOCK 0x10000
            MAP_GROWSDOWN 0x100
            MAP_DENYWRITE 0x800
            MAP_EXECUTABLE 0x1000
            MAP_LOCKED 0x2000
            MAP_STACK 0x20000
            MAP_HUGETLB 0x40000
            MAP_SYNC 0x80000
            MAP_FIXED_NOREPLACE 0x100000
            MAP_UNINITIALIZED 0x4000000
            """).field(0xf, MAP_TYPES, FlagSet.FieldAt.FIRST, false).build();

    private MemoryConsts() {
    }
}
