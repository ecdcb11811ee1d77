package io.pdig.analyzer.fields;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A field whose extractor remembers what its place of use saw before (evt.deltatime). libsinsp
 * keeps such memory in the filtercheck object, and makes one object per check of a condition and
 * per field of an output format; {@link #forOneUse()} does the same here. The registry's own
 * instance is one more place (tests and tools that extract through the registry).
 *
 * <p>Not thread-safe: an instance is used by the thread that evaluates the rules it was compiled
 * into (the analyzer's), as a compiled rule set is.
 */
final class PerUseField implements FieldDef {
    private final String name;
    private final FieldType type;
    private final String description;
    private final Supplier<Field.Extractor> extractors;
    private final Field.Extractor extractor;

    PerUseField(String name, FieldType type, String description, Supplier<Field.Extractor> extractors) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.description = Objects.requireNonNull(description);
        this.extractors = extractors;
        this.extractor = Objects.requireNonNull(extractors.get());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FieldType type() {
        return type;
    }

    @Override
    public FieldArg arg() {
        return FieldArg.NONE;
    }

    @Override
    public boolean isList() {
        return false;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Object extract(EvalContext ctx, String argument) {
        return extractor.extract(ctx, argument);
    }

    @Override
    public FieldDef forOneUse() {
        return new PerUseField(name, type, description, extractors);
    }
}
