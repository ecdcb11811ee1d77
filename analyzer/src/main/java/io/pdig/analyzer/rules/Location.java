package io.pdig.analyzer.rules;

/** A place in a rules file: its display name and 1-based line and column (0 when unknown). */
public record Location(String file, int line, int col) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }
}
