package io.pdig.analyzer.rules;

import io.pdig.analyzer.filter.Ast;
import io.pdig.analyzer.filter.AstPrinter;
import io.pdig.analyzer.filter.EventTypeSet;
import io.pdig.analyzer.filter.Evaluator;
import java.util.List;
import java.util.Set;

/**
 * A compiled rule. {@code condition} is the condition text after exception translation and
 * before list substitution (what the file says); {@link #compiledCondition()} prints the final
 * AST in libsinsp's canonical form. {@code index} orders rules by first definition across all
 * files (rule_matching: first tries rules in this order). Immutable.
 */
public record Rule(
        String name,
        String description,
        String condition,
        Ast ast,
        Evaluator evaluator,
        OutputFormat output,
        Priority priority,
        String source,
        boolean enabled,
        Set<String> tags,
        EventTypeSet eventTypes,
        Set<String> exceptionFields,
        boolean warnEvttypes,
        boolean capture,
        long captureDuration,
        int index,
        Location location) {

    public String compiledCondition() {
        return AstPrinter.print(ast);
    }

    /** Tags in Falco's order (sorted, as its std::set). */
    public List<String> tagList() {
        return List.copyOf(tags);
    }
}
