package io.pdig.model.render;

/** File mode text. */
public final class Modes {

    private Modes() {
    }

    /** strace's octal form: at least three digits with a leading 0 (0644, 000, 007, 04755). */
    public static String octal(long mode) {
        String s = mode == 0 ? "0" : "0" + Long.toOctalString(mode);
        StringBuilder sb = new StringBuilder();
        for (int i = s.length(); i < 3; i++) sb.append('0');
        return sb.append(s).toString();
    }
}
