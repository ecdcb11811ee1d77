package io.pdig.analyzer.filter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints an AST in libsinsp's canonical form ({@code ast::as_string}): and/or groups in
 * parentheses, {@code not x}, {@code field op value}, lists as {@code (a, b)}, values quoted only
 * when they could not be read back as a bare string. Used for golden tests and rule listings.
 */
public final class AstPrinter {
    private AstPrinter() {
    }

    public static String print(Ast ast) {
        StringBuilder sb = new StringBuilder();
        print(ast, sb);
        return sb.toString();
    }

    private static void print(Ast ast, StringBuilder sb) {
        if (ast instanceof Ast.And a) {
            group(a.children(), " and ", sb);
        } else if (ast instanceof Ast.Or o) {
            group(o.children(), " or ", sb);
        } else if (ast instanceof Ast.Not n) {
            sb.append("not ");
            print(n.child(), sb);
        } else if (ast instanceof Ast.Ident i) {
            sb.append(i.name());
        } else if (ast instanceof Ast.Check c) {
            operand(c.lhs(), sb);
            sb.append(' ').append(c.op());
            if (c.modifier() != null) sb.append(' ').append(c.modifier());
            if (c.rhs() != null) {
                sb.append(' ');
                rhs(c.rhs(), sb);
            }
        }
    }

    private static void group(List<Ast> children, String sep, StringBuilder sb) {
        sb.append('(');
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) sb.append(sep);
            print(children.get(i), sb);
        }
        sb.append(')');
    }

    private static void rhs(Ast.Rhs r, StringBuilder sb) {
        if (r instanceof Ast.Value v) {
            sb.append(quote(v.text()));
        } else if (r instanceof Ast.ListValue l) {
            sb.append(l.items().stream().map(v -> quote(v.text())).collect(Collectors.joining(", ", "(", ")")));
        } else if (r instanceof Ast.OperandValue ov) {
            operand(ov.operand(), sb);
        }
    }

    static void operand(Ast.Operand o, StringBuilder sb) {
        if (o instanceof Ast.FieldRef f) {
            sb.append(f.name());
            if (f.arg() != null) sb.append('[').append(f.arg()).append(']');
        } else if (o instanceof Ast.Transform t) {
            sb.append(t.name()).append('(');
            for (int i = 0; i < t.args().size(); i++) {
                if (i > 0) sb.append(", ");
                Ast.TransformerArg a = t.args().get(i);
                if (a instanceof Ast.Operand op) {
                    operand(op, sb);
                } else if (a instanceof Ast.Value v) {
                    sb.append(quote(v.text()));
                } else if (a instanceof Ast.ListValue l) {
                    rhs(l, sb);
                }
            }
            sb.append(')');
        }
    }

    /** The operand's canonical text, e.g. {@code proc.aname[2]} or {@code tolower(proc.name)}. */
    public static String operandText(Ast.Operand o) {
        StringBuilder sb = new StringBuilder();
        operand(o, sb);
        return sb.toString();
    }

    /** Quotes a value with {@code "} when it is empty or has characters a bare string cannot hold. */
    public static String quote(String v) {
        boolean bare = !v.isEmpty();
        for (int i = 0; i < v.length() && bare; i++) {
            bare = FilterParser.isBareChar(v.charAt(i)) && v.charAt(i) != '\\';
        }
        if (bare) return v;
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
