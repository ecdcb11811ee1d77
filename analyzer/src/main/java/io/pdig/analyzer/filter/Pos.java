package io.pdig.analyzer.filter;

/**
 * A position inside a condition string: the 0-based character offset plus the 1-based line and
 * column, as libsinsp's parser reports them. The loader maps the offset back to the rules file.
 */
public record Pos(int offset, int line, int col) {
    public static final Pos START = new Pos(0, 1, 1);

    /** The position of {@code offset} in {@code text}, counting lines from 1. */
    public static Pos of(String text, int offset) {
        int line = 1;
        int col = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Pos(offset, line, col);
    }
}
