package io.pdig.analyzer.filter;

import io.pdig.analyzer.fields.EvalContext;

/**
 * A compiled condition: a tree of small objects built once at load time. Evaluation does no
 * parsing, no regex compilation and no reflection. Immutable and thread-safe as long as the
 * extractors are; the engine evaluates on one thread.
 */
@FunctionalInterface
public interface Evaluator {
    boolean eval(EvalContext ctx);

    Evaluator TRUE = ctx -> true;
    Evaluator FALSE = ctx -> false;

    /** n-ary and, short-circuit left to right. */
    record And(Evaluator[] parts) implements Evaluator {
        @Override
        public boolean eval(EvalContext ctx) {
            for (Evaluator p : parts) {
                if (!p.eval(ctx)) return false;
            }
            return true;
        }
    }

    /** n-ary or, short-circuit left to right. */
    record Or(Evaluator[] parts) implements Evaluator {
        @Override
        public boolean eval(EvalContext ctx) {
            for (Evaluator p : parts) {
                if (p.eval(ctx)) return true;
            }
            return false;
        }
    }

    record Not(Evaluator inner) implements Evaluator {
        @Override
        public boolean eval(EvalContext ctx) {
            return !inner.eval(ctx);
        }
    }
}
