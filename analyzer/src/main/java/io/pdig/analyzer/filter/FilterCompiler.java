package io.pdig.analyzer.filter;

import io.pdig.analyzer.fields.DomainNameFields;
import io.pdig.analyzer.fields.FieldArg;
import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.fields.FieldLookup;
import io.pdig.analyzer.fields.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a macro-free AST into an {@link Evaluator} tree, resolving fields through a
 * {@link FieldLookup}. Right-hand values are parsed by the field's type here, once: numbers for
 * numeric fields, addresses/CIDRs for IP fields, true/false for booleans; {@code evt.type} values
 * must be known event names. Errors are {@link FilterException}s with the position of the check;
 * unknown fields and event types are flagged {@code unknownFilter} for skip-if-unknown-filter.
 *
 * <p>Evaluation semantics (libsinsp's): a field without a value makes every check false, even
 * {@code !=}; a list value from a non-list field (ancestor fields such as {@code proc.aname} without
 * index) matches when any element matches; a list field ({@link FieldDef#isList()}) matches
 * {@code in} only when all elements are in the set and every other operator when any element matches;
 * fd.*ip.name compared with names by {@code =}, {@code !=} or {@code in} matches by the addresses the
 * names resolve to ({@link DomainNameCheck}).
 */
public final class FilterCompiler {
    /** Falco's filter-only fields that stand for the client or the server side of a socket. */
    private static final Set<String> EITHER_SIDE_FIELDS = Set.of("fd.ip", "fd.port", "fd.net");

    private final FieldLookup fields;

    public FilterCompiler(FieldLookup fields) {
        this.fields = fields;
    }

    public Evaluator compile(Ast ast) {
        if (ast instanceof Ast.And a) return new Evaluator.And(compileAll(a.children()));
        if (ast instanceof Ast.Or o) return new Evaluator.Or(compileAll(o.children()));
        if (ast instanceof Ast.Not n) return new Evaluator.Not(compile(n.child()));
        if (ast instanceof Ast.Ident i) {
            throw new FilterException("Undefined macro '" + i.name() + "' used in filter.", i.pos());
        }
        return compileCheck((Ast.Check) ast);
    }

    private Evaluator[] compileAll(List<Ast> children) {
        Evaluator[] out = new Evaluator[children.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(children.get(i));
        }
        return out;
    }

    /** A resolved operand: where values come from and how they compare. */
    public record Operand(ValueSource source, ValueKind kind, boolean listField, boolean port, String fieldName) {
    }

    private Evaluator compileCheck(Ast.Check c) {
        if (c.lhs() instanceof Ast.Transform t && t.name().equals("val")) {
            throw new FilterException("'val' can only be used on the right side of a comparison", t.pos());
        }
        Operand lhs = resolve(c.lhs());
        if (c.op().equals("exists")) {
            ValueSource src = lhs.source();
            return ctx -> src.get(ctx) != null;
        }
        // A list-valued field matches when any element does, except: `in` on a list field needs
        // every element, and `!=` on Falco's either-side fields (fd.ip, fd.port, fd.net) means
        // "neither side equals", as libsinsp evaluates it.
        boolean all = lhs.listField() && c.op().equals("in")
                || c.op().equals("!=") && EITHER_SIDE_FIELDS.contains(lhs.fieldName());
        if (c.rhs() instanceof Ast.OperandValue ov) {
            Operand rhs = resolve(ov.operand());
            // Validate the operator against the kind now, with a representative value.
            return new DynamicCheck(lhs, c.op(), c.modifier(), rhs.source(), c.pos(), all);
        }
        List<String> values = new ArrayList<>();
        if (c.rhs() instanceof Ast.Value v) {
            values.add(v.text());
        } else if (c.rhs() instanceof Ast.ListValue l) {
            for (Ast.Value v : l.items()) values.add(v.text());
        }
        if ("evt.type".equals(lhs.fieldName())) {
            for (String v : values) {
                if (!EventNames.isKnown(v)) {
                    throw new FilterException("unknown event type " + v, c.rhs().pos(), true);
                }
            }
        }
        if ("evt.num".equals(lhs.fieldName()) && values.isEmpty() && c.op().equals("in")) {
            return Evaluator.FALSE;
        }
        ValueTest test = ValueTests.build(lhs.kind(), lhs.port(), c.op(), c.modifier(), values, c.pos());
        Evaluator byAddress = domainNameCheck(c, values);
        if (byAddress != null) return byAddress;
        Evaluator check = new FieldCheck(lhs.source(), test, all);
        if ("evt.type".equals(lhs.fieldName()) && c.lhs() instanceof Ast.FieldRef && c.modifier() == null
                && Set.of("=", "==", "!=", "in", "intersects").contains(c.op())) {
            return new Evaluator.EventTypeCheck(check, Set.copyOf(values), c.op().equals("!="));
        }
        return check;
    }

    /**
     * fd.*ip.name compared with names by =, != or in: matched by the names' addresses
     * ({@link DomainNameCheck}); null for any other check. The values were validated as strings.
     */
    private Evaluator domainNameCheck(Ast.Check c, List<String> values) {
        if (!(c.lhs() instanceof Ast.FieldRef f) || !DomainNameCheck.matchesByAddress(c.op(), c.modifier())) return null;
        String addressField = DomainNameFields.addressField(f.name());
        FieldDef address = addressField == null ? null : fields.lookup(addressField);
        if (address == null) return null;
        return new DomainNameCheck(new ValueSource.Field(address, null), Set.copyOf(values), c.op().equals("!="));
    }

    /** Resolves a field or transformer to its value source and comparison kind. */
    public Operand resolve(Ast.Operand o) {
        return o instanceof Ast.FieldRef f ? resolveField(f) : resolveTransform((Ast.Transform) o);
    }

    private Operand resolveField(Ast.FieldRef f) {
        FieldDef def = fields.lookup(f.name());
        if (def == null) {
            throw new FilterException("unknown field " + f.name(), f.pos(), true);
        }
        String[] split = fields.splitDottedArgument(f.name());
        String arg = f.arg();
        if (split != null && split.length > 1 && split[1] != null) {
            if (arg != null) {
                throw new FilterException("field " + f.name() + " cannot take both a dotted and a bracketed argument", f.pos());
            }
            arg = split[1];
        }
        checkArg(def, arg, f);
        // One instance per check: a field with memory (evt.deltatime) remembers what this check saw.
        return new Operand(new ValueSource.Field(def.forOneUse(), arg), ValueKind.of(def.type()), def.isList(),
                def.type() == FieldType.PORT, def.name());
    }

    private static void checkArg(FieldDef def, String arg, Ast.FieldRef f) {
        FieldArg kind = def.arg();
        switch (kind) {
            case NONE -> {
                if (arg != null) {
                    throw new FilterException("field " + def.name() + " does not take an argument", f.pos());
                }
            }
            case REQUIRED_INDEX, REQUIRED_KEY -> {
                if (arg == null) {
                    throw new FilterException("field " + def.name() + " requires an argument", f.pos());
                }
            }
            default -> {
            }
        }
        if (arg != null && (kind == FieldArg.REQUIRED_INDEX || kind == FieldArg.OPTIONAL_INDEX)) {
            try {
                Integer.parseInt(arg);
            } catch (NumberFormatException e) {
                throw new FilterException("field " + def.name() + " needs a numeric index, not '" + arg + "'", f.pos());
            }
        }
    }

    private Operand resolveTransform(Ast.Transform t) {
        String name = t.name();
        if (name.equals("join") || name.equals("concat") || name.equals("getopt")) {
            throw new FilterException("transformer '" + name + "' is not supported", t.pos());
        }
        if (t.args().size() != 1 || !(t.args().get(0) instanceof Ast.Operand inner)) {
            throw new FilterException("transformer '" + name + "' takes exactly one field argument", t.pos());
        }
        Operand in = resolve(inner);
        if (name.equals("val")) return in;
        ValueSource src = in.source();
        boolean stringLike = in.kind() == ValueKind.STRING || in.kind() == ValueKind.BYTES;
        return switch (name) {
            case "tolower", "toupper", "basename" -> {
                if (in.kind() != ValueKind.STRING) {
                    throw new FilterException("transformer '" + name + "' is not supported on "
                            + in.kind().family() + " fields", t.pos());
                }
                yield new Operand(Transformers.map(src, Transformers.stringFn(name)), ValueKind.STRING,
                        in.listField(), false, null);
            }
            case "b64" -> {
                if (!stringLike) {
                    throw new FilterException("transformer 'b64' is not supported on " + in.kind().family() + " fields", t.pos());
                }
                yield new Operand(Transformers.map(src, Transformers::b64), ValueKind.STRING, in.listField(), false, null);
            }
            case "len" -> new Operand(Transformers.len(src), ValueKind.NUMBER, false, false, null);
            default -> throw new FilterException("unknown transformer '" + name + "'", t.pos());
        };
    }

    /** A check whose right side is a constant, pre-parsed into a {@link ValueTest}. */
    record FieldCheck(ValueSource source, ValueTest test, boolean allElements) implements Evaluator {
        @Override
        public boolean eval(io.pdig.analyzer.fields.EvalContext ctx) {
            Object v = source.get(ctx);
            if (v == null) return false;
            // Exact-class checks for the usual final value types are cheaper than the interface
            // check for List, which only ancestor and list fields need.
            Class<?> c = v.getClass();
            if (c == String.class || c == Long.class || c == Boolean.class) return test.test(v);
            if (v instanceof List<?> list) {
                return matchList(list, test, allElements);
            }
            return test.test(v);
        }
    }

    static boolean matchList(List<?> list, ValueTest test, boolean allElements) {
        if (list.isEmpty()) return false;
        if (allElements) {
            for (Object e : list) {
                if (e == null || !test.test(e)) return false;
            }
            return true;
        }
        for (Object e : list) {
            if (e != null && test.test(e)) return true;
        }
        return false;
    }
}
