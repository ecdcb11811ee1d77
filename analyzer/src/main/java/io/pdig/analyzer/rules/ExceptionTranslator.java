package io.pdig.analyzer.rules;

import io.pdig.analyzer.filter.ValueTests;
import java.util.List;
import java.util.Set;

/**
 * Turns a rule's exceptions into condition text exactly as Falco does (build_rule_exception_infos):
 * {@code (cond) and not X1 and not X2 ...}. For a single field: {@code (F COMP (v1, v2))}; for a
 * list of fields: {@code (( F1 C1 V1 and F2 C2 V2) or ( ...))}, where a scalar value is wrapped in
 * parentheses for a list operator and in double quotes when it holds a space. Exceptions without
 * values add nothing. The generated text maps to the exception's position in the file.
 */
final class ExceptionTranslator {
    private ExceptionTranslator() {
    }

    static SourceText translate(SourceText cond, List<Collected.ExceptionInfo> exceptions, Set<String> fieldsOut,
                                String item) {
        StringBuilder text = new StringBuilder("(").append(cond.text()).append(')');
        TextOrigin.Composite origin = new TextOrigin.Composite();
        origin.add(0, 1, cond.origin());
        TextOrigin inner = cond.origin();
        origin.add(1, text.length(), off -> inner.locate(off));
        for (Collected.ExceptionInfo ex : exceptions) {
            String icond = build(ex, fieldsOut, item);
            if (icond.isEmpty()) continue;
            int s = text.length();
            text.append(" and not ").append(icond);
            origin.add(s, text.length() + 1, TextOrigin.fixed(ex.location));
        }
        return new SourceText(text.toString(), origin);
    }

    private static String build(Collected.ExceptionInfo ex, Set<String> fieldsOut, String item) {
        StringBuilder icond = new StringBuilder();
        if (!ex.fields.isList()) {
            for (Collected.ExValue v : ex.values) {
                if (v.isList()) {
                    throw new LoadError(LoadCode.LOAD_ERR_VALIDATE, ex.location,
                            "Expected values array to contain a list of strings", item);
                }
                icond.append(icond.length() == 0 ? "(" + ex.fields.item() + " " + ex.comps.item() + " (" : ", ");
                fieldsOut.add(ex.fields.item());
                icond.append(ListSubstitution.quote(v.item()));
            }
            if (icond.length() > 0) icond.append("))");
            return icond.toString();
        }
        icond.append('(');
        for (Collected.ExValue values : ex.values) {
            if (!values.isList() || values.items().size() != ex.fields.items().size()) {
                throw new LoadError(LoadCode.LOAD_ERR_VALIDATE, ex.location,
                        "Fields and values lists must have equal length", item);
            }
            if (icond.length() > 1) icond.append(" or ");
            icond.append('(');
            for (int k = 0; k < ex.fields.items().size(); k++) {
                if (k > 0) icond.append(" and ");
                String field = ex.fields.items().get(k).item();
                String comp = ex.comps.items().get(k).item();
                Collected.ExValue v = values.items().get(k);
                String istr;
                if (v.isList()) {
                    StringBuilder sb = new StringBuilder("(");
                    for (Collected.ExValue e : v.items()) {
                        if (sb.length() > 1) sb.append(", ");
                        sb.append(ListSubstitution.quote(e.isList() ? "" : e.item()));
                    }
                    istr = sb.append(')').toString();
                } else if (ValueTests.isListOp(comp)) {
                    istr = v.item().startsWith("(") ? v.item() : "(" + v.item() + ")";
                } else {
                    istr = ListSubstitution.quote(v.item());
                }
                icond.append(' ').append(field).append(' ').append(comp).append(' ').append(istr);
                fieldsOut.add(field);
            }
            icond.append(')');
        }
        icond.append(')');
        return icond.toString().equals("()") ? "" : icond.toString();
    }
}
