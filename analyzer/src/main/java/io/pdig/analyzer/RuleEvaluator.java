package io.pdig.analyzer;

import io.pdig.analyzer.fields.EvalContext;

/**
 * Where the {@link Analyzer} hands each event after updating the state: the rule engine's entry
 * point. Called on the analyzer thread, once per syscall event, in journal order; the context is
 * valid only during the call.
 */
@FunctionalInterface
public interface RuleEvaluator {
    void evaluate(EvalContext ctx);
}
