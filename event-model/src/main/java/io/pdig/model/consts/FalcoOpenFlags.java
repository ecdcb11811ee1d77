package io.pdig.model.consts;

import java.util.OptionalLong;

/**
 * Open flags as Falco prints {@code evt.arg.flags}: the Linux flags are first mapped to Falco's
 * own bit encoding (where O_RDONLY is a bit, so "read-only" is visible), then named in Falco's
 * table order with matched bits removed, so {@code O_WRONLY|O_CREAT|O_TRUNC} prints as
 * {@code O_TRUNC|O_CREAT|O_WRONLY}.
 *
 * <p>Differences from the strace form, all inherited from Falco: O_NOCTTY, O_ASYNC, O_NOFOLLOW,
 * O_NOATIME and O_PATH are not shown; unknown bits are dropped; O_DIRECTORY alone also shows
 * O_TMPFILE, and O_DSYNC alone also shows O_SYNC (Falco tests "any bit of" these multi-bit
 * constants). Falco's O_F_CREATED / FD_*_LAYER bits need the kernel's view and are never set here.
 */
public final class FalcoOpenFlags {

    /** Falco's bit encoding of open flags. */
    static final long F_RDONLY = 1, F_WRONLY = 1 << 1, F_RDWR = F_RDONLY | F_WRONLY, F_CREAT = 1 << 2,
            F_APPEND = 1 << 3, F_DSYNC = 1 << 4, F_EXCL = 1 << 5, F_NONBLOCK = 1 << 6, F_SYNC = 1 << 7,
            F_TRUNC = 1 << 8, F_DIRECT = 1 << 9, F_DIRECTORY = 1 << 10, F_LARGEFILE = 1 << 11,
            F_CLOEXEC = 1 << 12, F_TMPFILE = 1 << 13;

    /** Falco's rendering order of its encoding, as data. */
    private static final ValueNames ORDER = ValueNames.parse("falco open flags", """
            O_LARGEFILE 2048
            O_DIRECTORY 1024
            O_DIRECT 512
            O_TRUNC 256
            O_SYNC 128
            O_NONBLOCK 64
            O_EXCL 32
            O_DSYNC 16
            O_APPEND 8
            O_CREAT 4
            O_RDWR 3
            O_WRONLY 2
            O_RDONLY 1
            O_CLOEXEC 4096
            O_NONE 0
            O_TMPFILE 8192
            """);

    /** Linux bit (any of) to Falco bit, as data: "LINUX_NAME FALCO_BIT". */
    private static final ValueNames MAPPING = ValueNames.parse("falco open flag mapping", """
            O_CREAT 4
            O_TMPFILE 8192
            O_APPEND 8
            O_DSYNC 16
            O_EXCL 32
            O_NONBLOCK 64
            O_SYNC 128
            O_TRUNC 256
            O_DIRECT 512
            O_DIRECTORY 1024
            O_LARGEFILE 2048
            O_CLOEXEC 4096
            """);

    private FalcoOpenFlags() {
    }

    /** Linux open flags to Falco's encoding. */
    public static long encode(long linuxFlags) {
        long acc = linuxFlags & FileConsts.O_ACCMODE;
        long res = acc == 1 ? F_WRONLY : acc == 2 ? F_RDWR : F_RDONLY;
        for (String name : MAPPING.names()) {
            long linuxBits = FileConsts.OPEN_FLAGS.valueOf(name).getAsLong();
            if ((linuxFlags & linuxBits) != 0) res |= MAPPING.valueOf(name).getAsLong();
        }
        return res;
    }

    /** Falco's string for Linux open flags. */
    public static String render(long linuxFlags) {
        return renderEncoded(encode(linuxFlags));
    }

    /**
     * Falco's flag-printing walk over its table: a zero entry matches only a zero value, a non-zero
     * entry matches when all its bits remain; the walk stops at the entry equal to the whole value
     * and prints it last.
     */
    static String renderEncoded(long value) {
        StringBuilder sb = new StringBuilder();
        long rest = value;
        for (String name : ORDER.names()) {
            long v = ORDER.valueOf(name).getAsLong();
            if (v == value) {
                append(sb, name);
                return sb.toString();
            }
            boolean zeroMatch = v == 0 && value == 0;
            if (zeroMatch || v != 0 && rest != 0 && (rest & v) == v) {
                append(sb, name);
                rest &= ~v;
            }
        }
        return sb.length() > 0 ? sb.toString() : Long.toString(value);
    }

    private static void append(StringBuilder sb, String name) {
        if (sb.length() > 0) sb.append('|');
        sb.append(name);
    }

    /** The Linux value of a flag name Falco rules use (O_CREAT, O_TRUNC...). */
    public static OptionalLong linuxValue(String name) {
        return FileConsts.OPEN_FLAGS.valueOf(name);
    }
}
