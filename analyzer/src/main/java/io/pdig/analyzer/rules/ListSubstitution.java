package io.pdig.analyzer.rules;

import java.util.List;

/**
 * Falco's textual list substitution (rule_loader_compiler.cpp, resolve_list), reproduced for
 * compatibility: every occurrence of a list's name that is delimited by the start/end of the text
 * or one of {@code  \t\n\r(),=} is replaced by the list's items joined with ", " (items with a
 * space and no leading quote are wrapped in double quotes); blanks around the name are eaten and
 * the replacement is surrounded by one blank on each side; for an empty list one adjacent comma
 * is removed. Like Falco, this also rewrites blank-delimited names inside quoted strings.
 *
 * <p>Besides the new text, it keeps for every output character the offset of the input character
 * it came from (inserted items map to the start of the name they replace), so errors found
 * while parsing the substituted text still point at the right place in the file.
 */
final class ListSubstitution {
    private static final String BLANKS = " \t\n\r";
    private static final String DELIMS = BLANKS + "(),=";

    private ListSubstitution() {
    }

    /** Result of substituting one list: null when the name did not occur. */
    record Result(String text, int[] map) {
    }

    static Result substitute(String cnd, String name, List<String> items) {
        int start = cnd.indexOf(name);
        if (start < 0) return null;
        String text = cnd;
        int[] map = null;
        boolean used = false;
        while (start >= 0) {
            int end = start + name.length();
            boolean before = start == 0 || DELIMS.indexOf(text.charAt(start - 1)) >= 0;
            boolean after = end >= text.length() || DELIMS.indexOf(text.charAt(end)) >= 0;
            if (before && after) {
                if (map == null) map = identity(cnd.length());
                int origin = map[start];
                while (start > 0 && BLANKS.indexOf(text.charAt(start - 1)) >= 0) start--;
                while (end < text.length() && BLANKS.indexOf(text.charAt(end)) >= 0) end++;
                StringBuilder sub = new StringBuilder();
                for (String v : items) {
                    if (sub.length() > 0) sub.append(", ");
                    sub.append(quote(v));
                }
                if (sub.length() == 0) {
                    if (start > 0 && text.charAt(start - 1) == ',') {
                        start--;
                    } else if (end < text.length() && text.charAt(end) == ',') {
                        end++;
                    }
                }
                StringBuilder out = new StringBuilder(text.length() + sub.length() + 2);
                int[] newMap = new int[text.length() + sub.length() + 3];
                int k = 0;
                if (start > 0) {
                    out.append(text, 0, start).append(' ');
                    for (int i = 0; i < start; i++) newMap[k++] = map[i];
                    newMap[k++] = origin;
                }
                out.append(sub).append(' ');
                for (int i = 0; i <= sub.length(); i++) newMap[k++] = origin;
                out.append(text, end, text.length());
                for (int i = end; i <= text.length(); i++) newMap[k++] = map[i];
                text = out.toString();
                map = java.util.Arrays.copyOf(newMap, text.length() + 1);
                start += sub.length() + 1;
                used = true;
            }
            start = text.indexOf(name, start + 1);
        }
        return used ? new Result(text, map) : null;
    }

    static String quote(String v) {
        if (v.indexOf(' ') >= 0 && !v.isEmpty() && v.charAt(0) != '"' && v.charAt(0) != '\'') {
            return '"' + v + '"';
        }
        return v;
    }

    private static int[] identity(int n) {
        int[] m = new int[n + 1];
        for (int i = 0; i <= n; i++) m[i] = i;
        return m;
    }
}
