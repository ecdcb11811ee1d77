/**
 * Falco's condition language: {@link io.pdig.analyzer.filter.FilterParser} (grammar in its Javadoc)
 * turns a condition into an {@link io.pdig.analyzer.filter.Ast}; {@link io.pdig.analyzer.filter.MacroResolver}
 * substitutes macros; {@link io.pdig.analyzer.filter.FilterCompiler} resolves fields through a
 * {@link io.pdig.analyzer.fields.FieldLookup}, parses right-hand values by field type once and builds a
 * tree of {@link io.pdig.analyzer.filter.Evaluator}s; {@link io.pdig.analyzer.filter.EventTypeSet} derives
 * the event types a condition can match (Falco's ppm_codes algorithm) for dispatch.
 *
 * <p>Evaluation follows libsinsp: a field without a value makes every check false (also {@code !=}),
 * {@code and}/{@code or} short-circuit left to right, string comparisons are exact (ASCII case folding for
 * {@code icontains}/{@code iglob}).
 */
package io.pdig.analyzer.filter;
