package io.pdig.analyzer.rules;

/**
 * One error or warning of a load: its code, where it is (1-based line and column in the file; for
 * a condition, the offending character itself) and, when it concerns an item, which one
 * ({@code rule 'Read sensitive file'}, {@code macro 'open_read'}).
 */
public record LoadMessage(LoadCode code, Location location, String message, String item) {

    public boolean isError() {
        return code.isError();
    }

    /** {@code file:line:col: error: message} (the compiler-style line printed by validate). */
    public String format() {
        return location + ": " + (isError() ? "error" : "warning") + ": " + message;
    }

    /** {@link #format()} plus the item and the code, e.g. {@code (in rule 'x') [LOAD_ERR_COMPILE_CONDITION]}. */
    public String formatVerbose() {
        return format() + (item == null ? "" : " (in " + item + ")") + " [" + code.name() + "]";
    }

    @Override
    public String toString() {
        return formatVerbose();
    }
}
