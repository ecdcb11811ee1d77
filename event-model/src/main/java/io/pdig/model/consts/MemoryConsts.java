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
            """).zeroName("PROT_NONE").build();

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
