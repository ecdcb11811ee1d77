package io.pdig.analyzer.filter;

import io.pdig.analyzer.fields.EvalContext;
import io.pdig.analyzer.fields.FieldDef;

/** Produces the left (or val()) value of a check for the current event; null means "no value". */
@FunctionalInterface
public interface ValueSource {
    Object get(EvalContext ctx);

    /** A field with its argument, extracted through the registry's extractor. */
    record Field(FieldDef def, String arg) implements ValueSource {
        @Override
        public Object get(EvalContext ctx) {
            return def.extract(ctx, arg);
        }
    }
}
