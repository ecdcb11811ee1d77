package io.pdig.analyzer.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Substitutes macro references (identifier nodes) with the macros' ASTs, as Falco's
 * filter_macro_resolver does. The macro ASTs handed in are already resolved themselves, so one
 * pass suffices; which macros are visible is the caller's decision (a macro sees only macros
 * defined before it, a rule sees all).
 */
public final class MacroResolver {
    private MacroResolver() {
    }

    /**
     * Returns {@code ast} with every identifier replaced by {@code macros.apply(name)}; throws
     * "Undefined macro" at the identifier's position when that returns null. The names of the
     * substituted macros are added to {@code used}.
     */
    public static Ast resolve(Ast ast, Function<String, Ast> macros, Set<String> used) {
        if (ast instanceof Ast.And a) return new Ast.And(resolveAll(a.children(), macros, used), a.pos());
        if (ast instanceof Ast.Or o) return new Ast.Or(resolveAll(o.children(), macros, used), o.pos());
        if (ast instanceof Ast.Not n) return new Ast.Not(resolve(n.child(), macros, used), n.pos());
        if (ast instanceof Ast.Ident i) {
            Ast m = macros.apply(i.name());
            if (m == null) {
                throw new FilterException("Undefined macro '" + i.name() + "' used in filter.", i.pos());
            }
            used.add(i.name());
            return m;
        }
        return ast;
    }

    private static List<Ast> resolveAll(List<Ast> in, Function<String, Ast> macros, Set<String> used) {
        List<Ast> out = new ArrayList<>(in.size());
        for (Ast a : in) out.add(resolve(a, macros, used));
        return out;
    }
}
