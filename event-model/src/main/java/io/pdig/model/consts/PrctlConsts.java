package io.pdig.model.consts;

/**
 * The values prctl's options take in their own arguments (linux/prctl.h, linux/securebits.h,
 * linux/seccomp.h), in the order strace names them. The options themselves are
 * {@link ProcessConsts#PRCTL_OPTIONS}.
 */
public final class PrctlConsts {

    /** PR_CAP_AMBIENT's operation (arg2). */
    public static final ValueNames CAP_AMBIENT_OPS = ValueNames.parse("PR_CAP_AMBIENT operation", """
            PR_CAP_AMBIENT_IS_SET 1
            PR_CAP_AMBIENT_RAISE 2
            PR_CAP_AMBIENT_LOWER 3
            PR_CAP_AMBIENT_CLEAR_ALL 4
            """);

    /** PR_SET_DUMPABLE's value and PR_GET_DUMPABLE's result (the kernel's own names, not in UAPI). */
    public static final ValueNames SUID_DUMP = ValueNames.parse("dumpable", """
            SUID_DUMP_DISABLE 0
            SUID_DUMP_USER 1
            SUID_DUMP_ROOT 2
            """);

    /** PR_SET_SECUREBITS' value and PR_GET_SECUREBITS' result. */
    public static final FlagSet SECBITS = FlagSet.parse("securebits", """
            SECBIT_NOROOT 0x1
            SECBIT_NOROOT_LOCKED 0x2
            SECBIT_NO_SETUID_FIXUP 0x4
            SECBIT_NO_SETUID_FIXUP_LOCKED 0x8
            SECBIT_KEEP_CAPS 0x10
            SECBIT_KEEP_CAPS_LOCKED 0x20
            SECBIT_NO_CAP_AMBIENT_RAISE 0x40
            SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED 0x80
            """);

    /** PR_SET_TSC's value and what PR_GET_TSC writes. */
    public static final ValueNames TSC = ValueNames.parse("PR_SET_TSC value", """
            PR_TSC_ENABLE 1
            PR_TSC_SIGSEGV 2
            """);

    /** PR_SET_UNALIGN's value and what PR_GET_UNALIGN writes. */
    public static final FlagSet UNALIGN = FlagSet.parse("PR_SET_UNALIGN flags", """
            PR_UNALIGN_NOPRINT 1
            PR_UNALIGN_SIGBUS 2
            """);

    /** PR_SET_FP_MODE's value and PR_GET_FP_MODE's result. */
    public static final FlagSet FP_MODE = FlagSet.parse("PR_SET_FP_MODE flags", """
            PR_FP_MODE_FR 1
            PR_FP_MODE_FRE 2
            """);

    /** PR_SVE_SET_VL's flags above the vector length (the length shows as the hex rest). */
    public static final FlagSet SVE_VL = FlagSet.parse("PR_SVE_SET_VL flags", """
            PR_SVE_SET_VL_ONEXEC 0x40000
            PR_SVE_VL_INHERIT 0x20000
            """);

    /** PR_SME_SET_VL's flags, as PR_SVE_SET_VL's. */
    public static final FlagSet SME_VL = FlagSet.parse("PR_SME_SET_VL flags", """
            PR_SME_SET_VL_ONEXEC 0x40000
            PR_SME_VL_INHERIT 0x20000
            """);

    /** The speculation misfeature of PR_GET_SPECULATION_CTRL and PR_SET_SPECULATION_CTRL (arg2). */
    public static final ValueNames SPEC_WHICH = ValueNames.parse("speculation misfeature", """
            PR_SPEC_STORE_BYPASS 0
            PR_SPEC_INDIRECT_BRANCH 1
            PR_SPEC_L1D_FLUSH 2
            """);

    /** The control PR_SET_SPECULATION_CTRL sets (arg3): one value, not a mask. */
    public static final ValueNames SPEC_CTRL = ValueNames.parse("speculation control", """
            PR_SPEC_ENABLE 0x2
            PR_SPEC_DISABLE 0x4
            PR_SPEC_FORCE_DISABLE 0x8
            PR_SPEC_DISABLE_NOEXEC 0x10
            """);

    /** PR_GET_SPECULATION_CTRL's result: a mask. */
    public static final FlagSet SPEC_STATE = FlagSet.parse("speculation state", """
            PR_SPEC_PRCTL 0x1
            PR_SPEC_ENABLE 0x2
            PR_SPEC_DISABLE 0x4
            PR_SPEC_FORCE_DISABLE 0x8
            PR_SPEC_DISABLE_NOEXEC 0x10
            """);

    /** PR_MCE_KILL's operation (arg2). */
    public static final ValueNames MCE_KILL_OPS = ValueNames.parse("PR_MCE_KILL operation", """
            PR_MCE_KILL_CLEAR 0
            PR_MCE_KILL_SET 1
            """);

    /** PR_MCE_KILL_SET's policy (arg3) and PR_MCE_KILL_GET's result. */
    public static final ValueNames MCE_KILL_POLICIES = ValueNames.parse("PR_MCE_KILL policy", """
            PR_MCE_KILL_LATE 0
            PR_MCE_KILL_EARLY 1
            PR_MCE_KILL_DEFAULT 2
            """);

    /** PR_SET_MM's field (arg2). */
    public static final ValueNames SET_MM_OPS = ValueNames.parse("PR_SET_MM field", """
            PR_SET_MM_START_CODE 1
            PR_SET_MM_END_CODE 2
            PR_SET_MM_START_DATA 3
            PR_SET_MM_END_DATA 4
            PR_SET_MM_START_STACK 5
            PR_SET_MM_START_BRK 6
            PR_SET_MM_BRK 7
            PR_SET_MM_ARG_START 8
            PR_SET_MM_ARG_END 9
            PR_SET_MM_ENV_START 10
            PR_SET_MM_ENV_END 11
            PR_SET_MM_AUXV 12
            PR_SET_MM_EXE_FILE 13
            PR_SET_MM_MAP 14
            PR_SET_MM_MAP_SIZE 15
            """);

    /** PR_SET_SECCOMP's mode (arg2). */
    public static final ValueNames SECCOMP_MODES = ValueNames.parse("seccomp mode", """
            SECCOMP_MODE_DISABLED 0
            SECCOMP_MODE_STRICT 1
            SECCOMP_MODE_FILTER 2
            """);

    /** PR_SET_VMA's attribute (arg2). */
    public static final ValueNames VMA_ATTRS = ValueNames.parse("PR_SET_VMA attribute", """
            PR_SET_VMA_ANON_NAME 0
            """);

    /** PR_SCHED_CORE's operation (arg2). */
    public static final ValueNames SCHED_CORE_OPS = ValueNames.parse("PR_SCHED_CORE operation", """
            PR_SCHED_CORE_GET 0
            PR_SCHED_CORE_CREATE 1
            PR_SCHED_CORE_SHARE_TO 2
            PR_SCHED_CORE_SHARE_FROM 3
            """);

    /** PR_SCHED_CORE's pid type (arg4; the kernel's enum pid_type, not in UAPI). */
    public static final ValueNames PIDTYPES = ValueNames.parse("pid type", """
            PIDTYPE_PID 0
            PIDTYPE_TGID 1
            PIDTYPE_PGID 2
            PIDTYPE_SID 3
            """);

    /** PR_SET_SYSCALL_USER_DISPATCH's mode (arg2). */
    public static final ValueNames SYS_DISPATCH = ValueNames.parse("syscall user dispatch mode", """
            PR_SYS_DISPATCH_OFF 0
            PR_SYS_DISPATCH_ON 1
            """);

    /** The pointer-authentication keys of PR_PAC_RESET_KEYS and PR_PAC_SET_ENABLED_KEYS (arm64). */
    public static final FlagSet PAC_KEYS = FlagSet.parse("PAC keys", """
            PR_PAC_APIAKEY 0x1
            PR_PAC_APIBKEY 0x2
            PR_PAC_APDAKEY 0x4
            PR_PAC_APDBKEY 0x8
            PR_PAC_APGAKEY 0x10
            """);

    private PrctlConsts() {
    }
}
