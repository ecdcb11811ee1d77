package io.pdig.analyzer.filter;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a condition can match, derived from its AST as Falco's ppm_codes.cpp does:
 * {@code and} intersects, {@code or} unites, negation is pushed to the leaves (De Morgan);
 * {@code evt.type = X}, {@code != X} and {@code in (...)} give explicit sets (complemented over
 * {@link EventNames#all()} under negation); {@code evt.num = 0} and {@code evt.num in ()} give
 * the empty set; any other check gives "all types", which negation does not invert.
 *
 * @param all   true when the rule must see every event (no restriction)
 * @param names the explicit set when {@code all} is false (sorted, unmodifiable)
 */
public record EventTypeSet(boolean all, Set<String> names) {
    public static final EventTypeSet ALL = new EventTypeSet(true, Set.of());
    public static final EventTypeSet NONE = new EventTypeSet(false, Set.of());

    /** Number of types covered, counting "all" as the whole universe. */
    public int size() {
        return all ? EventNames.all().size() : names.size();
    }

    public boolean contains(String type) {
        return all || names.contains(type);
    }

    public static EventTypeSet of(Ast ast) {
        return derive(ast, false);
    }

    private static EventTypeSet derive(Ast ast, boolean neg) {
        if (ast instanceof Ast.And a) {
            EventTypeSet acc = null;
            for (Ast c : a.children()) {
                EventTypeSet s = derive(c, neg);
                acc = acc == null ? s : neg ? union(acc, s) : intersect(acc, s);
            }
            return acc;
        }
        if (ast instanceof Ast.Or o) {
            EventTypeSet acc = null;
            for (Ast c : o.children()) {
                EventTypeSet s = derive(c, neg);
                acc = acc == null ? s : neg ? intersect(acc, s) : union(acc, s);
            }
            return acc;
        }
        if (ast instanceof Ast.Not n) return derive(n.child(), !neg);
        if (ast instanceof Ast.Check c) return leaf(c, neg);
        return ALL;
    }

    private static EventTypeSet leaf(Ast.Check c, boolean neg) {
        if (!(c.lhs() instanceof Ast.FieldRef f) || f.arg() != null || c.modifier() != null) return ALL;
        if (f.name().equals("evt.num")) {
            boolean never = (c.op().equals("=") || c.op().equals("==")) && c.rhs() instanceof Ast.Value v
                    && v.text().equals("0")
                    || c.op().equals("in") && c.rhs() instanceof Ast.ListValue l && l.items().isEmpty();
            if (never) return neg ? ALL : NONE;
            return ALL;
        }
        if (!f.name().equals("evt.type")) return ALL;
        Set<String> vals = new TreeSet<>();
        boolean positive;
        switch (c.op()) {
            case "=", "==" -> positive = true;
            case "!=" -> positive = false;
            case "in", "intersects" -> positive = true;
            default -> {
                return ALL;
            }
        }
        if (c.rhs() instanceof Ast.Value v) {
            vals.add(v.text());
        } else if (c.rhs() instanceof Ast.ListValue l) {
            for (Ast.Value v : l.items()) vals.add(v.text());
        } else {
            return ALL;
        }
        boolean include = positive != neg;
        if (include) return new EventTypeSet(false, Collections.unmodifiableSet(vals));
        Set<String> comp = new TreeSet<>(EventNames.all());
        comp.removeAll(vals);
        return new EventTypeSet(false, Collections.unmodifiableSet(comp));
    }

    private static EventTypeSet union(EventTypeSet a, EventTypeSet b) {
        if (a.all || b.all) return ALL;
        Set<String> s = new TreeSet<>(a.names);
        s.addAll(b.names);
        return new EventTypeSet(false, Collections.unmodifiableSet(s));
    }

    private static EventTypeSet intersect(EventTypeSet a, EventTypeSet b) {
        if (a.all) return b;
        if (b.all) return a;
        Set<String> s = new TreeSet<>(a.names);
        s.retainAll(b.names);
        return new EventTypeSet(false, Collections.unmodifiableSet(s));
    }
}
