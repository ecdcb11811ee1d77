package io.pdig.analyzer.filter;

import io.pdig.analyzer.dns.DomainNames;
import io.pdig.analyzer.fields.DomainNameFields;
import io.pdig.analyzer.fields.EvalContext;
import java.util.Collection;
import java.util.Set;

/**
 * {@code fd.sip.name = NAME}, {@code != NAME} or {@code in (NAMES)} (and the cip/lip/rip forms):
 * true when the address field's value is one of the addresses a NAME resolved to, as libsinsp's
 * compare_domain does. Those three operators (and {@code intersects}, which is {@code in} for a
 * single value) are the ones that make the rules' names known to the resolver ({@link #collectNames});
 * any other operator compares the name the field extracts, like any string.
 *
 * <p>{@code !=} is true for an IP socket whose address no NAME resolved to, also while the lookup
 * is pending; a socket without that address (not IP, side unknown) makes every operator false.
 * Where two registered names share an address, libsinsp compares the one name it extracts and can
 * miss the other; pdig matches each by address.
 */
public record DomainNameCheck(ValueSource address, Set<String> names, boolean negate) implements Evaluator {

    /** Whether a check with this operator matches by address (and so registers its names). */
    static boolean matchesByAddress(String op, String modifier) {
        return modifier == null && (op.equals("=") || op.equals("==") || op.equals("!=") || op.equals("in")
                || op.equals("intersects"));
    }

    @Override
    public boolean eval(EvalContext ctx) {
        Object ip = address.get(ctx);
        if (ip == null) return false;
        DomainNames resolved = ctx.domainNames();
        boolean hit = resolved != null && resolved.anyResolvesTo(names, (String) ip);
        return hit != negate;
    }

    /**
     * Adds to {@code into} the names that a macro-free condition compares a domain-name field with
     * by address, in condition order: what must be resolved for it to match.
     */
    public static void collectNames(Ast ast, Collection<String> into) {
        if (ast instanceof Ast.And a) {
            for (Ast c : a.children()) collectNames(c, into);
        } else if (ast instanceof Ast.Or o) {
            for (Ast c : o.children()) collectNames(c, into);
        } else if (ast instanceof Ast.Not n) {
            collectNames(n.child(), into);
        } else if (ast instanceof Ast.Check c && c.lhs() instanceof Ast.FieldRef f
                && DomainNameFields.addressField(f.name()) != null && matchesByAddress(c.op(), c.modifier())) {
            if (c.rhs() instanceof Ast.Value v) {
                into.add(v.text());
            } else if (c.rhs() instanceof Ast.ListValue l) {
                for (Ast.Value v : l.items()) into.add(v.text());
            }
        }
    }
}
