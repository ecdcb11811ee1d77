package io.pdig.model.syscall;

/**
 * strace's syscall classes (strace 6.1, `-e trace=%file` and so on), so that `--syscalls %file`
 * selects what `strace -e trace=%file` selects. Membership is data of the syscall table
 * (syscall-classes.tsv, one line per syscall); this enum only names the classes.
 *
 * <p>The three "any" classes are spelled with two percent signs, as strace spells them:
 * {@code %%stat} is stat, lstat and fstat together, {@code %%statfs} is statfs, fstatfs and ustat.
 */
public enum SyscallClass {
    /** Takes a file name as an argument. */
    FILE("file"),
    /** Process life cycle: creation, exec, termination, waiting, sending signals to processes. */
    PROCESS("process"),
    /** Network-related (sockets); strace also accepts {@code %net}. */
    NETWORK("network"),
    /** Signal-related. */
    SIGNAL("signal"),
    /** System V IPC. */
    IPC("ipc"),
    /** File-descriptor related. */
    DESC("desc"),
    /** Memory mapping related. */
    MEMORY("memory"),
    /** Reads or modifies user and group identifiers or capability sets. */
    CREDS("creds"),
    /** Reads or modifies system clocks. */
    CLOCK("clock"),
    /** stat variants that take a path. */
    STAT("stat"),
    /** lstat variants. */
    LSTAT("lstat"),
    /** fstat and fstatat variants. */
    FSTAT("fstat"),
    /** Any file status request: stat, lstat, fstat and statx. */
    ANY_STAT("%stat"),
    /** statfs variants that take a path. */
    STATFS("statfs"),
    /** fstatfs variants. */
    FSTATFS("fstatfs"),
    /** Any file system statistics request, ustat included. */
    ANY_STATFS("%statfs"),
    /** Always succeeds and takes no arguments (getpid, getuid...). */
    PURE("pure");

    private final String tableName;

    SyscallClass(String tableName) {
        this.tableName = tableName;
    }

    /** How the class is written in syscall-classes.tsv: strace's spelling without the first '%'. */
    public String tableName() {
        return tableName;
    }

    /** How a user writes the class: {@code %file}, {@code %%stat}. */
    public String spelled() {
        return "%" + tableName;
    }

    /**
     * The class a user wrote, with its leading '%' (case-sensitive, as in strace), or null when
     * there is none of that name. {@code %net} is strace's other name of {@code %network}.
     */
    public static SyscallClass bySpelling(String spelled) {
        if (!spelled.startsWith("%")) return null;
        String name = spelled.substring(1);
        if (name.equals("net")) return NETWORK;
        return byTableName(name);
    }

    /** The class of this syscall-classes.tsv spelling, or null. */
    static SyscallClass byTableName(String name) {
        for (SyscallClass c : values()) {
            if (c.tableName.equals(name)) return c;
        }
        return null;
    }
}
