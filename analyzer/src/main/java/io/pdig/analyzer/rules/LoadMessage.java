package io.pdig.analyzer.rules;

/**
 * One error or warning of a load: its code, where it is (1-based line and column in the file; for
 * a condition, the offending character itself), the message, which item it concerns when any
 * ({@code rule 'Read sensitive file'}, {@code macro 'open_read'}) and the source line it points
 * into (null when there is none).
 */
public record LoadMessage(LoadCode code, Location location, String message, String item, String sourceLine) {

    public LoadMessage(LoadCode code, Location location, String message, String item) {
        this(code, location, message, item, null);
    }

    public boolean isError() {
        return code.isError();
    }

    /** {@code file:line:col: error: message} (the compiler-style line printed by validate). */
    public String format() {
        return location + ": " + (isError() ? "error" : "warning") + ": " + message;
    }

    /**
     * {@link #format()} plus the item, e.g. {@code (in rule 'x')}: for an error inside a macro the
     * location is the macro's condition, and only the item says which rule uses it.
     */
    public String formatWithItem() {
        return format() + (item == null ? "" : " (in " + item + ")");
    }

    /** {@link #formatWithItem()} plus the code, e.g. {@code (in rule 'x') [LOAD_ERR_COMPILE_CONDITION]}. */
    public String formatVerbose() {
        return formatWithItem() + " [" + code.name() + "]";
    }

    /**
     * The source line and a caret under the column (two lines, no trailing newline), or "" when
     * the source line is unknown. Tabs before the column are kept so the caret lines up.
     */
    public String snippet() {
        if (sourceLine == null || location.col() < 1) return "";
        String line = sourceLine.length() > 160 ? sourceLine.substring(0, 157) + "..." : sourceLine;
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < location.col() - 1 && i < 160; i++) {
            caret.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return line + "\n" + caret.append('^');
    }

    LoadMessage withSourceLine(String line) {
        return new LoadMessage(code, location, message, item, line);
    }

    @Override
    public String toString() {
        return formatVerbose();
    }
}
