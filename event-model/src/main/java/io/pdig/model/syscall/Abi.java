package io.pdig.model.syscall;

/**
 * The syscall ABI a call was made through. The seccomp filter checks {@code seccomp_data.arch}
 * first, so a 32-bit {@code int 0x80} call is never mistaken for the x86_64 call with the same number.
 */
public enum Abi {
    X86_64(0xC000003EL),
    I386(0x40000003L),
    /** x32: x86_64 arch with bit 30 set in the number. Refused by the filter (never let through unseen). */
    X32(0xC000003EL);

    /** AUDIT_ARCH_* value that seccomp_data.arch and PTRACE_GET_SYSCALL_INFO report. */
    public final long auditArch;

    Abi(long auditArch) {
        this.auditArch = auditArch;
    }

    public static final int X32_SYSCALL_BIT = 0x40000000;
}
