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

    /**
     * The rows of a table. Split by hand rather than with a regular expression: every constant
     * class parses its tables when it is initialized, the first renderer (live detection, --print)
     * initializes them all, and splitting each line on "\\s+" compiled a pattern per line, ~10 ms
     * of interpreted start-up work (docs/BENCHMARKS.md, Start-up, session 8).
     */
    static List<Row> rows(String title, String text) {
        List<Row> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int nameEnd = nextSpace(t, 0);
            int valueStart = nextNonSpace(t, nameEnd);
            if (valueStart == t.length()) {
                throw new IllegalStateException(title + " table line " + lineNo + ": expected NAME VALUE, got '" + t + "'");
            }
            int valueEnd = nextSpace(t, valueStart);
            String value = t.substring(valueStart, valueEnd);
            Long v = parseNumber(value);
            if (v == null) {
                throw new IllegalStateException(title + " table line " + lineNo + ": bad value '" + value + "'");
            }
            int descriptionStart = nextNonSpace(t, valueEnd);
            out.add(new Row(t.substring(0, nameEnd), v, descriptionStart < t.length() ? t.substring(descriptionStart) : null));
        }
        return out;
    }

    /** Whitespace as the tables use it (the characters of a regular expression's \\s). */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static int nextSpace(String s, int from) {
        int i = from;
        while (i < s.length() && !isSpace(s.charAt(i))) i++;
        return i;
    }

    private static int nextNonSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        return i;
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
