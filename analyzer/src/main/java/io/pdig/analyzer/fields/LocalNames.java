package io.pdig.analyzer.fields;

import io.pdig.model.consts.Errno;

/**
 * The few Falco-specific renderings the event model's constant tables (io.pdig.model.consts) do
 * not have: Falco's file-mode names (S_IXOTH... in its order), its execve EXE_* flags, and the
 * Linux open-flag bits the open-family fields test. Linux x86_64 values.
 */
final class LocalNames {
    private LocalNames() {
    }

    static final int O_WRONLY = 01, O_RDWR = 02, O_CREAT = 0100, O_EXCL = 0200, O_TRUNC = 01000,
            O_TMPFILE = 020200000;

    private static final String[] MODE_NAMES = {"S_IXOTH", "S_IWOTH", "S_IROTH", "S_IXGRP", "S_IWGRP", "S_IRGRP",
        "S_IXUSR", "S_IWUSR", "S_IRUSR", "S_ISVTX", "S_ISGID", "S_ISUID"};

    /** File mode bits by name in Falco's order (S_IXOTH first), or "0" when none. */
    static String mode(long m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < MODE_NAMES.length; i++) {
            if ((m & (1L << i)) != 0) add(b, MODE_NAMES[i]);
        }
        return b.length() == 0 ? "0" : b.toString();
    }

    /** Falco's execve flags: EXE_WRITABLE, EXE_UPPER_LAYER, EXE_FROM_MEMFD, EXE_LOWER_LAYER. */
    static final int EXE_WRITABLE = 1, EXE_UPPER_LAYER = 2, EXE_FROM_MEMFD = 4, EXE_LOWER_LAYER = 8;

    static String exeFlags(long f) {
        StringBuilder b = new StringBuilder();
        if ((f & EXE_WRITABLE) != 0) add(b, "EXE_WRITABLE");
        if ((f & EXE_UPPER_LAYER) != 0) add(b, "EXE_UPPER_LAYER");
        if ((f & EXE_FROM_MEMFD) != 0) add(b, "EXE_FROM_MEMFD");
        if ((f & EXE_LOWER_LAYER) != 0) add(b, "EXE_LOWER_LAYER");
        return b.length() == 0 ? "0" : b.toString();
    }

    private static void add(StringBuilder b, String n) {
        if (b.length() > 0) b.append('|');
        b.append(n);
    }

    /** Errno name as evt.res prints it; an errno without a name prints as its number. */
    static String errnoName(long errno) {
        String n = Errno.name((int) errno);
        return n != null ? n : Long.toString(errno);
    }
}
