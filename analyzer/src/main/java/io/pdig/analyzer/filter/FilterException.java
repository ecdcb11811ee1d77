package io.pdig.analyzer.filter;

/**
 * A condition that cannot be parsed or compiled. {@link #pos()} is where the problem is in the
 * condition text; {@link #unknownFilter()} marks the errors Falco lets {@code skip-if-unknown-filter}
 * downgrade to a warning (unknown field, unknown event type, invalid output token).
 */
public final class FilterException extends RuntimeException {
    private final transient Pos pos;
    private final boolean unknownFilter;

    public FilterException(String message, Pos pos) {
        this(message, pos, false);
    }

    public FilterException(String message, Pos pos, boolean unknownFilter) {
        super(message, null, false, false);
        this.pos = pos;
        this.unknownFilter = unknownFilter;
    }

    public Pos pos() {
        return pos;
    }

    public boolean unknownFilter() {
        return unknownFilter;
    }
}
