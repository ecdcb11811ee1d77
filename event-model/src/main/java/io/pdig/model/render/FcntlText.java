package io.pdig.model.render;

import io.pdig.model.consts.FileConsts;
import io.pdig.model.consts.Signals;

/**
 * fcntl's third argument and result as strace shows them: what they mean depends on the command.
 * The F_GET commands take no argument (strace leaves it out); F_SETFD's is FD_CLOEXEC, F_SETFL's
 * open flags, F_DUPFD's a number, the lock commands' a struct flock (shown as its address).
 * F_GETFD's and F_GETFL's results are flag words: hex, with their names.
 */
public final class FcntlText {

    private static final long F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_SETOWN = 8,
            F_GETOWN = 9, F_SETSIG = 10, F_GETSIG = 11, F_GETLEASE = 1025, F_DUPFD_CLOEXEC = 1030,
            F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032, F_GET_SEALS = 1034;

    private static final long FD_CLOEXEC = 1;

    private FcntlText() {
    }

    /** True for the commands that read no third argument. */
    public static boolean takesNoArgument(long cmd) {
        return cmd == F_GETFD || cmd == F_GETFL || cmd == F_GETOWN || cmd == F_GETSIG || cmd == F_GETLEASE
                || cmd == F_GETPIPE_SZ || cmd == F_GET_SEALS;
    }

    /** The third argument under command {@code cmd}. */
    public static String argument(long cmd, long raw) {
        int asInt = (int) raw; // the kernel reads these as a C int or unsigned int
        if (cmd == F_SETFD) return fdFlags(raw & 0xffffffffL);
        if (cmd == F_SETFL) return FileConsts.OPEN_FLAGS.render(raw & 0xffffffffL);
        if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_SETOWN || cmd == F_SETPIPE_SZ) return Integer.toString(asInt);
        if (cmd == F_SETSIG) return asInt == 0 ? "0" : Signals.TABLE.render(asInt);
        if (FileConsts.FCNTL_CMDS.name(cmd) == null) return StructLayouts.hex(raw); // an unknown command's word, as strace shows it
        return raw == 0 ? "NULL" : StructLayouts.hex(raw); // a struct's address (locks, owners)
    }

    /** A successful call's result: flag words in hex with their names, other results in decimal. */
    public static String result(long cmd, long res) {
        if (cmd == F_GETFD && res != 0) return StructLayouts.hex(res) + " (flags " + fdFlags(res) + ")";
        if (cmd == F_GETFL) return StructLayouts.hex(res) + " (flags " + FileConsts.OPEN_FLAGS.render(res) + ")";
        return Long.toString(res);
    }

    private static String fdFlags(long v) {
        if (v == 0) return "0";
        String rest = (v & ~FD_CLOEXEC) != 0 ? StructLayouts.hex(v & ~FD_CLOEXEC) : null;
        if ((v & FD_CLOEXEC) == 0) return rest;
        return rest == null ? "FD_CLOEXEC" : "FD_CLOEXEC|" + rest;
    }
}
