package io.pdig.analyzer.engine;

import io.pdig.analyzer.fields.EvalContext;
import io.pdig.analyzer.rules.Rule;

/**
 * A rule that matched an event. The context is the one passed to the engine: render the output
 * (or copy what is needed) before the next event is evaluated, since the state views behind it
 * move on.
 */
public record Match(Rule rule, String eventType, EvalContext context) {
    /** The rule's output with its fields resolved for this event (default formatting). */
    public String renderOutput() {
        return rule.output().render(context);
    }
}
