package io.pdig.model.consts;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the constant tables, which are written as text blocks of {@code NAME VALUE [description]}
 * rows, so that the data reads like the kernel header it comes from and no switch is needed.
 * Values may be decimal, negative, 0x hex or 0-prefixed octal. Blank lines and lines starting with
 * '#' are ignored.
 */
final class TableText {

    record Row(String name, long value, String description) {
    }

    private TableText() {
    }

    static List<Row> rows(String title, String text) {
        List<Row> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] f = t.split("\\s+", 3);
            if (f.length < 2) {
                throw new IllegalStateException(title + " table line " + lineNo + ": expected NAME VALUE, got '" + t + "'");
            }
            Long v = parseNumber(f[1]);
            if (v == null) {
                throw new IllegalStateException(title + " table line " + lineNo + ": bad value '" + f[1] + "'");
            }
            out.add(new Row(f[0], v, f.length > 2 ? f[2] : null));
        }
        return out;
    }

    /** Parses decimal, negative decimal, 0x hex or 0-prefixed octal; null when not a number. */
    static Long parseNumber(String s) {
        String t = s.strip();
        boolean neg = t.startsWith("-");
        if (neg) t = t.substring(1);
        if (t.isEmpty()) return null;
        try {
            long v;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                v = Long.parseUnsignedLong(t.substring(2), 16);
            } else if (t.length() > 1 && t.startsWith("0")) {
                v = Long.parseUnsignedLong(t.substring(1), 8);
            } else {
                v = Long.parseUnsignedLong(t, 10);
            }
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
