package io.pdig.tracer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One overlayfs mount of a mountinfo table, as {@link OverlayLayers} needs it: where it is
 * mounted, which directory of the filesystem it shows, and its upper directory. Paths are raw
 * bytes, unescaped from mountinfo's octal escapes (the kernel writes space, tab, newline and
 * backslash as {@code \ooo}, and a mount option value's commas too).
 *
 * @param mountPoint the mount point, as pdig's root sees it
 * @param root       the directory of the filesystem the mount shows ("/" but for a bind mount)
 * @param hasUpper   the superblock has an upper directory (false for a read-only overlay of
 *                   lower directories only: every file of it is in a lower layer)
 * @param upperDir   the upper directory, absolute; null when it has none or when the kernel
 *                   shows it relative (as the mounter gave it: pdig cannot tell relative to what)
 */
record OverlayMount(byte[] mountPoint, byte[] root, boolean hasUpper, byte[] upperDir) {

    /** The overlay mounts of a mountinfo table, by mount id. Lines pdig cannot parse are left out. */
    static Map<Long, OverlayMount> parseTable(byte[] mountinfo) {
        Map<Long, OverlayMount> out = new HashMap<>();
        String info = new String(mountinfo, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < info.length()) {
            int end = info.indexOf('\n', at);
            if (end < 0) end = info.length();
            // Cheap filter first: most lines are not overlays.
            int fs = info.indexOf(" - overlay ", at);
            if (fs >= 0 && fs < end) parseLine(info.substring(at, end), out);
            at = end + 1;
        }
        return out;
    }

    /**
     * A line: {@code id parent major:minor root mountpoint options [optional fields...] - fstype
     * source superoptions}. Fields hold no raw space (the kernel escapes them); a source may be
     * empty, so the split keeps empty fields.
     */
    private static void parseLine(String line, Map<Long, OverlayMount> out) {
        String[] f = line.split(" ", -1);
        int sep = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                sep = i;
                break;
            }
        }
        if (sep < 0 || sep + 3 >= f.length || !f[sep + 1].equals("overlay")) return;
        long id;
        try {
            id = Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            return;
        }
        byte[] root = unescape(f[3]);
        byte[] mountPoint = unescape(f[4]);
        if (!absolute(root) || !absolute(mountPoint)) return;
        boolean hasUpper = false;
        byte[] upper = null;
        for (String opt : f[sep + 3].split(",")) {
            if (opt.startsWith("upperdir=")) {
                hasUpper = true;
                byte[] u = unescape(opt.substring("upperdir=".length()));
                upper = absolute(u) ? u : null;
            }
        }
        out.put(id, new OverlayMount(mountPoint, root, hasUpper, upper));
    }

    /**
     * The path, in the upper directory, of the file the exe link {@code exe} names on this mount:
     * upperDir + root + the part of {@code exe} below the mount point. Null when {@code exe} is not
     * below the mount point or the mount has no usable upper directory.
     */
    byte[] upperPathOf(byte[] exe) {
        if (upperDir == null || !absolute(exe)) return null;
        int restFrom;
        if (mountPoint.length == 1) {
            restFrom = 1;
        } else if (startsWith(exe, mountPoint) && (exe.length == mountPoint.length || exe[mountPoint.length] == '/')) {
            restFrom = Math.min(mountPoint.length + 1, exe.length);
        } else {
            return null;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(upperDir.length + root.length + exe.length - restFrom + 1);
        b.write(upperDir, 0, upperDir.length);
        if (root.length > 1) b.write(root, 0, root.length);
        if (restFrom < exe.length) {
            b.write('/');
            b.write(exe, restFrom, exe.length - restFrom);
        }
        return b.toByteArray();
    }

    /** mountinfo's {@code \ooo} escapes undone; the string's chars are bytes (read as ISO-8859-1). */
    static byte[] unescape(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && octal(s, i + 1)) {
                b.write(((s.charAt(i + 1) - '0') << 6) | ((s.charAt(i + 2) - '0') << 3) | (s.charAt(i + 3) - '0'));
                i += 3;
            } else {
                b.write(c);
            }
        }
        return b.toByteArray();
    }

    private static boolean octal(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') return false;
        }
        return s.charAt(from) <= '3';
    }

    private static boolean absolute(byte[] p) {
        return p.length > 0 && p[0] == '/';
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) return false;
        }
        return true;
    }
}
