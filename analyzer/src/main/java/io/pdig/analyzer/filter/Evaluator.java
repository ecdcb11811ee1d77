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

    Evaluator TRUE = new Const(true);
    Evaluator FALSE = new Const(false);

    /**
     * This evaluator for events of one type only: {@code evt.type} checks become constants and
     * the and/or/not around them are simplified. Valid only when evaluation passes events whose
     * {@code evt.type} is {@code eventType}, which the engine's dispatch guarantees.
     */
    default Evaluator specialize(String eventType) {
        return this;
    }

    record Const(boolean value) implements Evaluator {
        @Override
        public boolean eval(EvalContext ctx) {
            return value;
        }
    }

    /** n-ary and, short-circuit left to right. */
    record And(Evaluator[] parts) implements Evaluator {
        @Override
        public boolean eval(EvalContext ctx) {
            for (Evaluator p : parts) {
                if (!p.eval(ctx)) return false;
            }
            return true;
        }

        @Override
        public Evaluator specialize(String eventType) {
            java.util.List<Evaluator> kept = new java.util.ArrayList<>();
            for (Evaluator p : parts) {
                Evaluator s = p.specialize(eventType);
                if (s == FALSE) return FALSE;
                if (s != TRUE) kept.add(s);
            }
            if (kept.isEmpty()) return TRUE;
            return kept.size() == 1 ? kept.get(0) : new And(kept.toArray(Evaluator[]::new));
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

        @Override
        public Evaluator specialize(String eventType) {
            java.util.List<Evaluator> kept = new java.util.ArrayList<>();
            for (Evaluator p : parts) {
                Evaluator s = p.specialize(eventType);
                if (s == TRUE) return TRUE;
                if (s != FALSE) kept.add(s);
            }
            if (kept.isEmpty()) return FALSE;
            return kept.size() == 1 ? kept.get(0) : new Or(kept.toArray(Evaluator[]::new));
        }
    }

    record Not(Evaluator inner) implements Evaluator {
        @Override
        public boolean eval(EvalContext ctx) {
            return !inner.eval(ctx);
        }

        @Override
        public Evaluator specialize(String eventType) {
            Evaluator s = inner.specialize(eventType);
            if (s == TRUE) return FALSE;
            if (s == FALSE) return TRUE;
            return s == inner ? this : new Not(s);
        }
    }

    /**
     * A plain {@code evt.type} test ({@code =}, {@code !=}, {@code in}, {@code intersects}): evaluated
     * like any field check, but foldable to a constant once the event type is known.
     */
    record EventTypeCheck(Evaluator check, java.util.Set<String> names, boolean negate) implements Evaluator {
        @Override
        public boolean eval(EvalContext ctx) {
            return check.eval(ctx);
        }

        @Override
        public Evaluator specialize(String eventType) {
            return names.contains(eventType) != negate ? TRUE : FALSE;
        }
    }
}
