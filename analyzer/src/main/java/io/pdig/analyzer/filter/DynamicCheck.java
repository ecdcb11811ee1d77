package io.pdig.analyzer.filter;

import io.pdig.analyzer.fields.EvalContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A check whose right side is another field ({@code val(f)} or a transformer). The right value is
 * only known per event, so the test is built at evaluation time; the last one is cached because
 * consecutive events usually carry the same right value. This path is rare in rules (no upstream
 * rule uses it) and deliberately simple.
 *
 * <p>Not thread-safe (the cache): one engine thread evaluates a compiled rule set.
 */
final class DynamicCheck implements Evaluator {
    private final FilterCompiler.Operand lhs;
    private final String op;
    private final String modifier;
    private final ValueSource rhs;
    private final Pos pos;
    private final boolean all;
    private List<String> cachedKey;
    private ValueTest cachedTest;

    DynamicCheck(FilterCompiler.Operand lhs, String op, String modifier, ValueSource rhs, Pos pos, boolean all) {
        this.lhs = lhs;
        this.op = op;
        this.modifier = modifier;
        this.rhs = rhs;
        this.pos = pos;
        this.all = all;
        // Reject operators that never apply to this kind at compile time, like constant checks.
        probe();
    }

    private void probe() {
        String sample = switch (lhs.kind()) {
            case NUMBER -> "0";
            case BOOL -> "true";
            case IP -> "127.0.0.1";
            case BYTES -> op.startsWith("b") ? "00" : "x";
            case STRING -> "x";
        };
        ValueTests.build(lhs.kind(), lhs.port(), op, modifier, List.of(sample), pos);
    }

    @Override
    public boolean eval(EvalContext ctx) {
        Object l = lhs.source().get(ctx);
        if (l == null) return false;
        Object r = rhs.get(ctx);
        if (r == null) return false;
        List<String> key = new ArrayList<>();
        if (r instanceof List<?> rl) {
            for (Object o : rl) {
                if (o != null) key.add(ValueTests.str(o));
            }
        } else {
            key.add(ValueTests.str(r));
        }
        if (key.isEmpty()) return false;
        ValueTest test;
        if (key.equals(cachedKey)) {
            test = cachedTest;
        } else {
            try {
                test = ValueTests.build(lhs.kind(), lhs.port(), op, modifier,
                        ValueTests.isListOp(op) || modifier != null ? key : List.of(key.get(0)), pos);
            } catch (FilterException e) {
                return false;
            }
            cachedKey = key;
            cachedTest = test;
        }
        if (l instanceof List<?> list) {
            return FilterCompiler.matchList(list, test, all);
        }
        return test.test(l);
    }
}
