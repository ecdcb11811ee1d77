package io.pdig.analyzer.fields;

import java.util.Objects;

/**
 * The one FieldDef implementation: a declaration plus extractor lambdas. Immutable.
 *
 * @param anyElement when non-null, decides {@link #matchesAnyElement(String)} per argument
 * @param json       the JSON extractor when it differs from the text extractor, else null
 */
public record Field(String name, FieldType type, FieldArg arg, boolean isList, String description,
                    Extractor extractor, java.util.function.Predicate<String> anyElement, Extractor json)
        implements FieldDef {

    /** Computes a field's value; null means "no value". */
    @FunctionalInterface
    public interface Extractor {
        Object extract(EvalContext ctx, String argument);
    }

    public Field {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(arg);
        Objects.requireNonNull(description);
        Objects.requireNonNull(extractor);
    }

    @Override
    public Object extract(EvalContext ctx, String argument) {
        return extractor.extract(ctx, argument);
    }

    @Override
    public boolean matchesAnyElement(String argument) {
        return anyElement != null && anyElement.test(argument);
    }

    @Override
    public Object extractForJson(EvalContext ctx, String argument) {
        return json != null ? json.extract(ctx, argument) : extractor.extract(ctx, argument);
    }
}
