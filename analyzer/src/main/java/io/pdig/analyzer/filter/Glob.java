package io.pdig.analyzer.filter;

/**
 * fnmatch(3) with flags 0 or FNM_CASEFOLD, as libsinsp's glob/iglob use it: {@code *} and
 * {@code ?} also match '/', bracket classes with '!' or '^' negation and ranges, backslash escapes.
 * The pattern is kept as a char array prepared once; matching allocates nothing. Case folding is
 * ASCII only (like strcasecmp in the C locale).
 */
public final class Glob {
    private final char[] p;
    private final boolean fold;

    public Glob(String pattern, boolean caseFold) {
        this.fold = caseFold;
        this.p = (caseFold ? asciiLower(pattern) : pattern).toCharArray();
    }

    public boolean matches(String s) {
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = -1;
        int n = s.length();
        while (si < n) {
            if (pi < p.length) {
                char pc = p[pi];
                if (pc == '*') {
                    starP = ++pi;
                    starS = si;
                    continue;
                }
                char c = fold ? lower(s.charAt(si)) : s.charAt(si);
                if (pc == '?') {
                    pi++;
                    si++;
                    continue;
                }
                if (pc == '[') {
                    int end = classEnd(pi);
                    if (end > 0) {
                        if (classMatches(pi, end, c)) {
                            pi = end + 1;
                            si++;
                            continue;
                        }
                    } else if (c == '[') {
                        pi++;
                        si++;
                        continue;
                    }
                } else {
                    char lit = pc;
                    int adv = 1;
                    if (pc == '\\' && pi + 1 < p.length) {
                        lit = p[pi + 1];
                        adv = 2;
                    }
                    if (lit == c) {
                        pi += adv;
                        si++;
                        continue;
                    }
                }
            }
            if (starP < 0) return false;
            pi = starP;
            si = ++starS;
        }
        while (pi < p.length && p[pi] == '*') pi++;
        return pi == p.length;
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1 if it is not a class. */
    private int classEnd(int open) {
        int i = open + 1;
        if (i < p.length && (p[i] == '!' || p[i] == '^')) i++;
        if (i < p.length && p[i] == ']') i++;
        while (i < p.length && p[i] != ']') {
            if (p[i] == '\\' && i + 1 < p.length) i++;
            i++;
        }
        return i < p.length ? i : -1;
    }

    private boolean classMatches(int open, int end, char c) {
        int i = open + 1;
        boolean negate = false;
        if (p[i] == '!' || p[i] == '^') {
            negate = true;
            i++;
        }
        boolean found = false;
        while (i < end) {
            char lo = p[i];
            if (lo == '\\' && i + 1 < end) lo = p[++i];
            if (i + 2 < end && p[i + 1] == '-') {
                char hi = p[i + 2];
                if (c >= lo && c <= hi) found = true;
                i += 3;
            } else {
                if (c == lo) found = true;
                i++;
            }
        }
        return found != negate;
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    static String asciiLower(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) sb = new StringBuilder(s);
                sb.setCharAt(i, (char) (c + 32));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
