package io.pdig.model.consts;

import java.util.Map;

/**
 * si_code names. Codes &lt;= 0 and SI_KERNEL (0x80) mean the same for every signal; positive
 * codes below 0x80 are set by the kernel and mean something specific to the signal (SEGV_MAPERR,
 * CLD_EXITED...). Per-signal tables are keyed by signal number.
 */
public final class SiCodes {

    public static final ValueNames GENERIC = ValueNames.parse("si_code", """
            SI_USER 0
            SI_KERNEL 0x80
            SI_QUEUE -1
            SI_TIMER -2
            SI_MESGQ -3
            SI_ASYNCIO -4
            SI_SIGIO -5
            SI_TKILL -6
            SI_DETHREAD -7
            SI_ASYNCNL -60
            """);

    private static final Map<Integer, ValueNames> BY_SIGNAL = Map.of(
            4, ValueNames.parse("SIGILL si_code", """
                    ILL_ILLOPC 1
                    ILL_ILLOPN 2
                    ILL_ILLADR 3
                    ILL_ILLTRP 4
                    ILL_PRVOPC 5
                    ILL_PRVREG 6
                    ILL_COPROC 7
                    ILL_BADSTK 8
                    ILL_BADIADDR 9
                    """),
            5, ValueNames.parse("SIGTRAP si_code", """
                    TRAP_BRKPT 1
                    TRAP_TRACE 2
                    TRAP_BRANCH 3
                    TRAP_HWBKPT 4
                    TRAP_UNK 5
                    TRAP_PERF 6
                    """),
            7, ValueNames.parse("SIGBUS si_code", """
                    BUS_ADRALN 1
                    BUS_ADRERR 2
                    BUS_OBJERR 3
                    BUS_MCEERR_AR 4
                    BUS_MCEERR_AO 5
                    """),
            8, ValueNames.parse("SIGFPE si_code", """
                    FPE_INTDIV 1
                    FPE_INTOVF 2
                    FPE_FLTDIV 3
                    FPE_FLTOVF 4
                    FPE_FLTUND 5
                    FPE_FLTRES 6
                    FPE_FLTINV 7
                    FPE_FLTSUB 8
                    FPE_FLTUNK 14
                    FPE_CONDTRAP 15
                    """),
            11, ValueNames.parse("SIGSEGV si_code", """
                    SEGV_MAPERR 1
                    SEGV_ACCERR 2
                    SEGV_BNDERR 3
                    SEGV_PKUERR 4
                    SEGV_ACCADI 5
                    SEGV_ADIDERR 6
                    SEGV_ADIPERR 7
                    SEGV_MTEAERR 8
                    SEGV_MTESERR 9
                    SEGV_CPERR 10
                    """),
            17, ValueNames.parse("SIGCHLD si_code", """
                    CLD_EXITED 1
                    CLD_KILLED 2
                    CLD_DUMPED 3
                    CLD_TRAPPED 4
                    CLD_STOPPED 5
                    CLD_CONTINUED 6
                    """),
            29, ValueNames.parse("SIGPOLL si_code", """
                    POLL_IN 1
                    POLL_OUT 2
                    POLL_MSG 3
                    POLL_ERR 4
                    POLL_PRI 5
                    POLL_HUP 6
                    """),
            31, ValueNames.parse("SIGSYS si_code", """
                    SYS_SECCOMP 1
                    SYS_USER_DISPATCH 2
                    """));

    private SiCodes() {
    }

    /** The per-signal tables, keyed by signal number (for consistency tests). */
    static Map<Integer, ValueNames> perSignal() {
        return BY_SIGNAL;
    }

    /** The name of a si_code for a signal, or null. */
    public static String name(int signo, int code) {
        if (code > 0 && code < 0x80) {
            ValueNames t = BY_SIGNAL.get(signo);
            return t != null ? t.name(code) : null;
        }
        return GENERIC.name(code);
    }

    /** The name, or the decimal number when unknown. */
    public static String render(int signo, int code) {
        String n = name(signo, code);
        return n != null ? n : Integer.toString(code);
    }

    /**
     * True when the sender's pid and uid are meaningful: sent by a process (kill, tkill, sigqueue)
     * or a SIGCHLD about a child.
     */
    public static boolean hasSender(int signo, int code) {
        boolean fromProcess = code == 0 || code == -1 || code == -3 || code == -6;
        return fromProcess || isAboutChild(signo, code);
    }

    /** si_code of a SIGCHLD about a child that exited (si_status is its exit code). */
    public static final int CLD_EXITED = 1;

    /**
     * True for a SIGCHLD the kernel sent about a child (CLD_EXITED ... CLD_CONTINUED): si_status,
     * si_utime and si_stime are then set (siginfo bytes 24..47).
     */
    public static boolean isAboutChild(int signo, int code) {
        return signo == 17 && code > 0 && code < 0x80;
    }

    /**
     * True when strace shows si_addr: a fault signal (SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV)
     * sent by the kernel (si_code &gt; 0, SI_KERNEL included).
     */
    public static boolean hasFaultAddress(int signo, int code) {
        return code > 0 && (signo == 4 || signo == 5 || signo == 7 || signo == 8 || signo == 11);
    }

    /**
     * si_addr from the two ints stored as si_pid and si_uid. siginfo's union starts at byte 16
     * for every member: _kill puts si_pid (int) there and si_uid (u32) at 20, _sigfault puts the
     * 8-byte si_addr at 16, so on a little-endian 64-bit kernel (x86_64, the only one pdig traces
     * from) si_pid is si_addr's low half and si_uid its high half. The tracer copies both ints
     * whatever the signal, and the journal keeps them whole, so old journals show it too.
     */
    public static long faultAddress(int sender, int senderUid) {
        return (long) senderUid << 32 | (sender & 0xffffffffL);
    }
}
