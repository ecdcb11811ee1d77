package io.pdig.analyzer.fields;

/**
 * A field, declared once: name, type, description and extractor together. The registry of these
 * drives rule validation, `pdig fields` and output formatting.
 *
 * <p>Extractors read state views only; they must not mutate anything and must not allocate on the
 * common path more than the value they return.
 */
public interface FieldDef {
    /** Full name, e.g. "proc.name" or "evt.arg" (arguments are separate: see {@link #arg()}). */
    String name();

    FieldType type();

    FieldArg arg();

    /** True when the value is a list (e.g. proc.args as list? no: proc.aname without index is a string). */
    boolean isList();

    String description();

    /**
     * The value for the current event, or null when missing (every comparison with a missing
     * value is false, and output prints {@code <NA>}).
     *
     * @param ctx      the event being evaluated and the state views
     * @param argument the bracketed argument text (or the suffix after "evt.arg."), null when absent
     */
    Object extract(EvalContext ctx, String argument);

    /**
     * True when, for this argument, {@link #extract} returns a java.util.List of candidates and a
     * check must succeed if ANY element satisfies the operator (Falco's ancestor fields without an
     * index: {@code proc.aname = sshd} tests parent, grandparent, ...). Output prints the list
     * space-separated. Unlike {@link #isList()} fields, where {@code in} needs all elements.
     */
    default boolean matchesAnyElement(String argument) {
        return false;
    }

    /**
     * The value as Falco puts it in a JSON alert's output_fields; usually {@link #extract}, but
     * evt.time is the nanosecond epoch there while the text form is HH:MM:SS.nnnnnnnnn.
     */
    default Object extractForJson(EvalContext ctx, String argument) {
        return extract(ctx, argument);
    }

    /**
     * The instance one place of use extracts through: a check of a rule condition, a field of an
     * output format. Fields are stateless and return themselves; a field whose value depends on
     * what the same place saw before (evt.deltatime: libsinsp keeps that in each filtercheck
     * object) returns a new instance with its own memory. Compilers call this once per place.
     */
    default FieldDef forOneUse() {
        return this;
    }
}
