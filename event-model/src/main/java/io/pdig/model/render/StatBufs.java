package io.pdig.model.render;

import io.pdig.model.consts.FileConsts;

/**
 * strace's abbreviated struct stat: {@code {st_mode=S_IFREG|0644, st_size=1234, ...}}, with
 * {@code st_rdev=makedev(0x1, 0x3)} in place of the size for character and block devices (whose
 * size means nothing). The same for struct statx, which strace shows with its mask and attributes.
 */
public final class StatBufs {

    private static final long S_IFMT = 0170000;
    private static final long S_IFCHR = 0020000;
    private static final long S_IFBLK = 0060000;

    /** File types by their S_IFMT bits (sys/stat.h). */
    private static final String[] TYPES = {"S_IFIFO", "S_IFCHR", null, "S_IFDIR", null, "S_IFBLK", null, "S_IFREG",
        null, "S_IFLNK", null, "S_IFSOCK"};

    private StatBufs() {
    }

    public static String strace(long mode, long rdev, long size) {
        long type = mode & S_IFMT;
        String tail = type == S_IFCHR || type == S_IFBLK ? "st_rdev=" + makedev(rdev) : "st_size=" + Long.toUnsignedString(size);
        return "{st_mode=" + mode(mode) + ", " + tail + ", ...}";
    }

    /**
     * strace's abbreviated struct statx, from Words {address, stx_mask, stx_attributes, stx_mode,
     * stx_size}: {@code {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0,
     * stx_mode=S_IFDIR|0755, stx_size=4096, ...}} (the size even for a device, as strace shows it).
     */
    public static String straceStatx(long[] w) {
        return "{stx_mask=" + FileConsts.STATX_MASKS.render(w[1]) + ", stx_attributes=" + FileConsts.STATX_ATTRS.render(w[2])
                + ", stx_mode=" + mode(w[3]) + ", stx_size=" + Long.toUnsignedString(w[4]) + ", ...}";
    }

    /** S_IFREG|S_ISUID|0755: the type, the set-id and sticky bits by name, the permissions in octal. */
    public static String mode(long mode) {
        StringBuilder sb = new StringBuilder();
        int t = (int) ((mode & S_IFMT) >>> 12);
        String type = t >= 1 && t <= TYPES.length ? TYPES[t - 1] : null;
        if (type != null) sb.append(type).append('|');
        long rest = type != null ? mode & ~S_IFMT : mode;
        if ((rest & 04000) != 0) sb.append("S_ISUID|");
        if ((rest & 02000) != 0) sb.append("S_ISGID|");
        if ((rest & 01000) != 0) sb.append("S_ISVTX|");
        return sb.append(Modes.octal(rest & ~07000L)).toString();
    }

    /**
     * A device number as strace writes it, makedev(major, minor) in hex: the kernel's 64-bit
     * encoding keeps the minor's low byte in bits 0-7, the major in bits 8-19 and the rest of the
     * minor in bits 20-31 (glibc's major()/minor() also read bits 32 and up).
     */
    public static String makedev(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL & 0xffffffffL);
        return "makedev(" + StructLayouts.hex(major) + ", " + StructLayouts.hex(minor) + ")";
    }
}
