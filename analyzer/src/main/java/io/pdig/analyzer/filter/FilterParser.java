package io.pdig.analyzer.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for libsinsp's filter language (Falco rule conditions).
 *
 * <pre>
 * Expr            ::= OrExpr
 * OrExpr          ::= AndExpr ( 'or' (Blank | &amp;'(') AndExpr )*
 * AndExpr         ::= NotExpr ( 'and' (Blank | &amp;'(') NotExpr )*
 * NotExpr         ::= ( 'not' (Blank | &amp;'(') )* Check
 * Check           ::= '(' Expr ')'
 *                   | Operand Condition
 *                   | Identifier                                   (a macro reference)
 * Operand         ::= Field | Transformer
 * Transformer     ::= TransformerName '(' TransformerArg (',' TransformerArg)* ')'
 * TransformerName ::= 'tolower' | 'toupper' | 'b64' | 'basename' | 'len' | 'join' | 'concat' | 'getopt'
 * TransformerArg  ::= Operand | QuotedStr | NumValue | '(' (TransformerArg (',' TransformerArg)*)? ')'
 * OperandValue    ::= Transformer | 'val(' Field ')'
 * Condition       ::= 'exists'
 *                   | NumOperator (NumValue | OperandValue)
 *                   | StrOperator (OperandValue | StrValue)
 *                   | StrOperator Modifier ListValue
 *                   | ListOperator (ListValue | OperandValue)
 * ListValue       ::= '(' (StrValue (',' StrValue)*)? ')' | Identifier
 * Field           ::= FieldName ('[' (QuotedStr | FieldArgBareStr) ']')?
 * NumOperator     ::= '&lt;=' | '&lt;' | '&gt;=' | '&gt;'
 * StrOperator     ::= '==' | '=' | '!=' | ('glob' | 'iglob' | 'contains' | 'icontains' | 'bcontains'
 *                     | 'startswith' | 'bstartswith' | 'endswith' | 'regex') Blank
 * Modifier        ::= ('oneof' | 'anyof' | 'allof') Blank      (only if '(' or an identifier follows)
 * ListOperator    ::= 'intersects' | 'in' | 'pmatch'
 * StrValue        ::= QuotedStr | BareStr
 *
 * Identifier      ::= [a-zA-Z]+[a-zA-Z0-9_]*
 * FieldName       ::= Identifier ('.' Identifier)+
 * FieldArgBareStr ::= [^ \b\t\n\r\[\]"']+
 * NumValue        ::= 0[xX][0-9a-fA-F]+ | [+\-]?[0-9]+[\.]?[0-9]*([eE][+\-][0-9]+)?
 * QuotedStr       ::= '"' (escape | [^"])* '"' | "'" (escape | [^'])* "'"
 * BareStr         ::= [^ \b\t\n\r\(\),="']+
 * Blank           ::= [ \t\b\r\n]
 * </pre>
 *
 * Precedence: not &gt; and &gt; or; {@code and}/{@code or} chains of one level become one n-ary node.
 * Escapes in quoted strings: {@code \b \f \n \r \t \\ \/ \xHH}, {@code \"} only in double-quoted and
 * {@code \'} only in single-quoted strings. Nesting is limited to {@link #MAX_DEPTH} levels so a
 * hostile condition cannot overflow the stack. Not thread-safe: one parser per condition.
 */
public final class FilterParser {
    public static final int MAX_DEPTH = 1000;

    static final List<String> TRANSFORMERS =
            List.of("tolower", "toupper", "b64", "basename", "len", "join", "concat", "getopt");
    private static final String TRANSFORMER_LIST =
            "'val', 'tolower', 'toupper', 'b64', 'basename', 'len', 'join', 'concat', 'getopt'";
    private static final String[] NUM_OPS = {"<=", "<", ">=", ">"};
    private static final String[] SYMBOL_STR_OPS = {"==", "=", "!="};
    private static final String[] WORD_STR_OPS = {"glob", "iglob", "contains", "icontains", "bcontains",
        "startswith", "bstartswith", "endswith", "regex"};
    private static final String[] LIST_OPS = {"intersects", "in", "pmatch"};

    private final String text;
    private int pos;
    private int depth;
    private String lastToken = "";

    /** Offsets where lines start, so positions cost a binary search rather than a rescan. */
    private final int[] lineStarts;

    private FilterParser(String text) {
        this.text = text;
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') n++;
        }
        lineStarts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') lineStarts[k++] = i + 1;
        }
    }

    /** Parses a whole condition. */
    public static Ast parse(String condition) {
        FilterParser p = new FilterParser(condition);
        try {
            return p.parseAll();
        } catch (StackOverflowError e) {
            // The depth guard allows 1000 levels like libsinsp; a thread with a small stack can run
            // out first (the rule loader parses on a thread with a large stack).
            throw new FilterException("condition nested too deeply for this thread's stack", p.here());
        }
    }

    private Ast parseAll() {
        skipBlanks();
        if (pos >= text.length()) {
            throw error("filter input string is empty");
        }
        Ast e = parseOr();
        skipBlanks();
        if (pos < text.length()) {
            throw error("unexpected token after '" + lastToken + "', expecting 'or', 'and'");
        }
        return e;
    }

    private Ast parseOr() {
        enter();
        Pos start = here();
        List<Ast> children = new ArrayList<>();
        children.add(parseAnd());
        while (true) {
            skipBlanks();
            if (!keywordAhead("or")) break;
            pos += 2;
            lastToken = "or";
            requireBlankOrParen("or");
            children.add(parseAnd());
        }
        depth--;
        return children.size() == 1 ? children.get(0) : new Ast.Or(children, start);
    }

    private Ast parseAnd() {
        Pos start = here();
        List<Ast> children = new ArrayList<>();
        children.add(parseNot());
        while (true) {
            skipBlanks();
            if (!keywordAhead("and")) break;
            pos += 3;
            lastToken = "and";
            requireBlankOrParen("and");
            children.add(parseNot());
        }
        return children.size() == 1 ? children.get(0) : new Ast.And(children, start);
    }

    private Ast parseNot() {
        skipBlanks();
        Pos start = here();
        int nots = 0;
        while (keywordAhead("not") && pos + 3 < text.length()
                && (isBlank(text.charAt(pos + 3)) || text.charAt(pos + 3) == '(')) {
            pos += 3;
            lastToken = "not";
            nots++;
            skipBlanks();
        }
        Ast check = parseCheck();
        // Repeated 'not's toggle, as in libsinsp: an even number cancels out.
        return nots % 2 == 1 ? new Ast.Not(check, start) : check;
    }

    private Ast parseCheck() {
        skipBlanks();
        Pos start = here();
        if (peek() == '(') {
            pos++;
            lastToken = "(";
            // parseOr counts the nesting level.
            Ast inner = parseOr();
            skipBlanks();
            if (peek() != ')') {
                throw error("expected a ')' token");
            }
            pos++;
            lastToken = ")";
            return inner;
        }
        String word = identifierAhead();
        if (word == null) {
            throw error("expected a '(' token, a field check, or an identifier");
        }
        if (TRANSFORMERS.contains(word) && charAt(pos + word.length()) == '(') {
            Ast.Operand lhs = parseTransformer();
            return parseCondition(lhs, start);
        }
        if (word.equals("val") && charAt(pos + 3) == '(') {
            // Parsed so that the compiler can say val() belongs on the right side.
            Ast.OperandValue v = (Ast.OperandValue) tryOperandValue();
            return parseCondition(v.operand(), start);
        }
        String field = fieldNameAhead();
        if (field != null) {
            Ast.FieldRef lhs = parseField();
            return parseCondition(lhs, start);
        }
        pos += word.length();
        lastToken = word;
        return new Ast.Ident(word, start);
    }

    private Ast.Check parseCondition(Ast.Operand lhs, Pos start) {
        skipBlanks();
        Pos opPos = here();
        if (text.startsWith("exists", pos) && !isIdentChar(charAt(pos + 6))) {
            pos += 6;
            lastToken = "exists";
            return new Ast.Check(lhs, "exists", null, null, start);
        }
        for (String op : NUM_OPS) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                lastToken = op;
                skipBlanks();
                Ast.Rhs rhs = tryOperandValue();
                if (rhs == null) {
                    rhs = parseNumber();
                    if (rhs == null) {
                        throw error("expected a number value or a field with a valid transformer: " + TRANSFORMER_LIST);
                    }
                }
                return new Ast.Check(lhs, op, null, rhs, start);
            }
        }
        String strOp = null;
        for (String op : SYMBOL_STR_OPS) {
            if (text.startsWith(op, pos)) {
                strOp = op;
                break;
            }
        }
        if (strOp == null) {
            for (String op : WORD_STR_OPS) {
                if (text.startsWith(op, pos) && isBlank(charAt(pos + op.length()))) {
                    strOp = op;
                    break;
                }
            }
        }
        if (strOp != null) {
            pos += strOp.length();
            lastToken = strOp;
            skipBlanks();
            String modifier = modifierAhead();
            if (modifier != null) {
                pos += modifier.length();
                lastToken = modifier;
                skipBlanks();
                return new Ast.Check(lhs, strOp, modifier, parseListValue(), start);
            }
            Ast.Rhs rhs = tryOperandValue();
            if (rhs == null) {
                rhs = parseStrValue();
                if (rhs == null) {
                    throw error("expected a string value or a field with a valid transformer: " + TRANSFORMER_LIST);
                }
            }
            return new Ast.Check(lhs, strOp, null, rhs, start);
        }
        for (String op : LIST_OPS) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                lastToken = op;
                skipBlanks();
                Ast.Rhs rhs = tryOperandValue();
                if (rhs == null) {
                    if (peek() != '(' && identifierAhead() == null) {
                        throw error("expected a list, an identifier, or a field with a valid transformer: "
                                + TRANSFORMER_LIST);
                    }
                    rhs = parseListValue();
                }
                return new Ast.Check(lhs, op, null, rhs, start);
            }
        }
        pos = opPos.offset();
        throw error("expected a valid check operator: one of 'exists', '<=', '<', '>=', '>', '==', '=', '!=', "
                + "'glob', 'iglob', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', "
                + "'endswith', 'regex', 'intersects', 'in', 'pmatch'");
    }

    /** oneof/anyof/allof, only when followed by blanks and then '(' or a non-keyword identifier. */
    private String modifierAhead() {
        for (String m : new String[] {"oneof", "anyof", "allof"}) {
            if (text.startsWith(m, pos) && isBlank(charAt(pos + m.length()))) {
                int p = pos + m.length();
                while (p < text.length() && isBlank(text.charAt(p))) p++;
                if (charAt(p) == '(') return m;
                int q = p;
                while (q < text.length() && isIdentChar(text.charAt(q))) q++;
                if (q > p && Character.isLetter(text.charAt(p))) {
                    String w = text.substring(p, q);
                    if (!w.equals("and") && !w.equals("or") && !w.equals("not")) return m;
                }
            }
        }
        return null;
    }

    /** val(field) or a transformer, when one starts here; otherwise null without consuming. */
    private Ast.Rhs tryOperandValue() {
        Pos start = here();
        if (text.startsWith("val(", pos)) {
            pos += 4;
            lastToken = "val(";
            skipBlanks();
            if (fieldNameAhead() == null) {
                throw error("expected a field name inside val()");
            }
            Ast.FieldRef f = parseField();
            skipBlanks();
            if (peek() != ')') {
                throw error("expected a ')' token closing the transformer");
            }
            pos++;
            lastToken = ")";
            return new Ast.OperandValue(new Ast.Transform("val", List.of(f), start), start);
        }
        String word = identifierAhead();
        if (word != null && TRANSFORMERS.contains(word) && charAt(pos + word.length()) == '(') {
            return new Ast.OperandValue(parseTransformer(), start);
        }
        return null;
    }

    private Ast.Transform parseTransformer() {
        enter();
        Pos start = here();
        String name = identifierAhead();
        pos += name.length() + 1;
        lastToken = name + "(";
        List<Ast.TransformerArg> args = new ArrayList<>();
        skipBlanks();
        while (true) {
            args.add(parseTransformerArg());
            skipBlanks();
            if (peek() == ',') {
                pos++;
                skipBlanks();
                continue;
            }
            if (peek() != ')') {
                throw error("expected a ')' token closing the transformer");
            }
            pos++;
            lastToken = ")";
            break;
        }
        depth--;
        return new Ast.Transform(name, args, start);
    }

    private Ast.TransformerArg parseTransformerArg() {
        skipBlanks();
        Pos start = here();
        String word = identifierAhead();
        if (word != null && TRANSFORMERS.contains(word) && charAt(pos + word.length()) == '(') {
            return parseTransformer();
        }
        if (fieldNameAhead() != null) {
            return parseField();
        }
        char c = peek();
        if (c == '"' || c == '\'') {
            return parseQuoted();
        }
        if (c == '(') {
            pos++;
            List<Ast.Value> items = new ArrayList<>();
            skipBlanks();
            if (peek() != ')') {
                while (true) {
                    skipBlanks();
                    Ast.TransformerArg a = parseTransformerArg();
                    if (a instanceof Ast.Value v) {
                        items.add(v);
                    } else {
                        throw error("only literal values are supported inside a transformer list");
                    }
                    skipBlanks();
                    if (peek() == ',') {
                        pos++;
                        continue;
                    }
                    break;
                }
            }
            if (peek() != ')') throw error("expected a ')' token");
            pos++;
            return new Ast.ListValue(items, start);
        }
        Ast.Value num = parseNumber();
        if (num != null) return num;
        throw error("expected a field, a quoted string, a number or a list as transformer argument");
    }

    private Ast.FieldRef parseField() {
        Pos start = here();
        String name = fieldNameAhead();
        pos += name.length();
        lastToken = name;
        String arg = null;
        if (peek() == '[') {
            pos++;
            char c = peek();
            if (c == '"' || c == '\'') {
                arg = parseQuoted().text();
            } else {
                int s = pos;
                while (pos < text.length() && isFieldArgChar(text.charAt(pos))) pos++;
                if (pos == s) {
                    throw error("expected a valid field argument: a quoted string or a bare string");
                }
                arg = text.substring(s, pos);
            }
            if (peek() != ']') {
                throw error("expected a ']' token");
            }
            pos++;
            lastToken = name + "[" + arg + "]";
        }
        return new Ast.FieldRef(name, arg, start);
    }

    private Ast.ListValue parseListValue() {
        Pos start = here();
        if (peek() != '(') {
            String id = identifierAhead();
            if (id == null) {
                throw error("expected a list, an identifier, or a field with a valid transformer: " + TRANSFORMER_LIST);
            }
            // A bare identifier where a list is expected stays a one-value literal (lists are
            // substituted textually before parsing, so this is an unknown list name).
            pos += id.length();
            lastToken = id;
            return new Ast.ListValue(List.of(new Ast.Value(id, false, start)), start);
        }
        pos++;
        lastToken = "(";
        List<Ast.Value> items = new ArrayList<>();
        skipBlanks();
        if (peek() == ')') {
            pos++;
            lastToken = ")";
            return new Ast.ListValue(items, start);
        }
        while (true) {
            skipBlanks();
            Ast.Value v = parseStrValue();
            if (v == null) {
                throw error("expected a string value in the list");
            }
            items.add(v);
            skipBlanks();
            if (peek() == ',') {
                pos++;
                continue;
            }
            if (peek() != ')') {
                throw error("expected a ')' token");
            }
            pos++;
            lastToken = ")";
            return new Ast.ListValue(items, start);
        }
    }

    private Ast.Value parseStrValue() {
        char c = peek();
        if (c == '"' || c == '\'') {
            return parseQuoted();
        }
        Pos start = here();
        int s = pos;
        while (pos < text.length() && isBareChar(text.charAt(pos))) pos++;
        if (pos == s) return null;
        lastToken = text.substring(s, pos);
        return new Ast.Value(lastToken, false, start);
    }

    private Ast.Value parseNumber() {
        Pos start = here();
        int p = pos;
        if (text.startsWith("0x", p) || text.startsWith("0X", p)) {
            int q = p + 2;
            while (q < text.length() && isHex(text.charAt(q))) q++;
            if (q > p + 2) {
                pos = q;
                lastToken = text.substring(p, q);
                return new Ast.Value(lastToken, false, start);
            }
        }
        int q = p;
        if (q < text.length() && (text.charAt(q) == '+' || text.charAt(q) == '-')) q++;
        int digits = q;
        while (q < text.length() && Character.isDigit(text.charAt(q))) q++;
        if (q == digits) return null;
        if (charAt(q) == '.') {
            q++;
            while (q < text.length() && Character.isDigit(text.charAt(q))) q++;
        }
        if ((charAt(q) == 'e' || charAt(q) == 'E') && (charAt(q + 1) == '+' || charAt(q + 1) == '-')
                && Character.isDigit(charAt(q + 2))) {
            q += 2;
            while (q < text.length() && Character.isDigit(text.charAt(q))) q++;
        }
        pos = q;
        lastToken = text.substring(p, q);
        return new Ast.Value(lastToken, false, start);
    }

    private Ast.Value parseQuoted() {
        Pos start = here();
        char quote = text.charAt(pos);
        int s = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = s;
                throw error("unterminated quoted string");
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                char n = text.charAt(pos + 1);
                switch (n) {
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case ' ' -> {
                        // Legacy quirk kept by libsinsp: "\ " is a backslash followed by the blank.
                        sb.append('\\');
                        pos += 1;
                        continue;
                    }
                    case 'x' -> {
                        if (pos + 3 < text.length() && isHex(text.charAt(pos + 2)) && isHex(text.charAt(pos + 3))) {
                            sb.append((char) Integer.parseInt(text.substring(pos + 2, pos + 4), 16));
                            pos += 4;
                            continue;
                        }
                        pos++;
                        throw error("unsupported string escape sequence: \\x");
                    }
                    case '"' -> {
                        if (quote != '"') {
                            pos++;
                            throw error("invalid \\\" escape in '-quoted string");
                        }
                        sb.append('"');
                    }
                    case '\'' -> {
                        if (quote != '\'') {
                            pos++;
                            throw error("invalid \\' escape in \"-quoted string");
                        }
                        sb.append('\'');
                    }
                    default -> {
                        pos++;
                        throw error("unsupported string escape sequence: \\" + n);
                    }
                }
                pos += 2;
                continue;
            }
            sb.append(c);
            pos++;
        }
        lastToken = text.substring(s, pos);
        return new Ast.Value(sb.toString(), true, start);
    }

    // ---- lexing helpers -------------------------------------------------------------------

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("exceeded max depth limit of " + MAX_DEPTH);
        }
    }

    /** A keyword ('and', 'or', 'not') at the cursor, as a whole word or followed by '('. */
    private boolean keywordAhead(String kw) {
        if (!text.startsWith(kw, pos)) return false;
        char n = charAt(pos + kw.length());
        return !isIdentChar(n) && n != '.' || n == '(';
    }

    private void requireBlankOrParen(String kw) {
        char n = peek();
        if (!isBlank(n) && n != '(') {
            throw error("expected blank or '(' after '" + kw + "'");
        }
    }

    private String identifierAhead() {
        int p = pos;
        if (p >= text.length() || !isAsciiLetter(text.charAt(p))) return null;
        while (p < text.length() && isAsciiLetter(text.charAt(p))) p++;
        while (p < text.length() && isIdentChar(text.charAt(p))) p++;
        return text.substring(pos, p);
    }

    /** A dotted field name at the cursor, or null. */
    private String fieldNameAhead() {
        int p = pos;
        int segments = 0;
        while (true) {
            if (p >= text.length() || !isAsciiLetter(text.charAt(p))) break;
            while (p < text.length() && isIdentChar(text.charAt(p))) p++;
            segments++;
            if (charAt(p) == '.' && p + 1 < text.length() && isAsciiLetter(text.charAt(p + 1))) {
                p++;
                continue;
            }
            break;
        }
        return segments >= 2 ? text.substring(pos, p) : null;
    }

    private void skipBlanks() {
        while (pos < text.length() && isBlank(text.charAt(pos))) pos++;
    }

    private char peek() {
        return charAt(pos);
    }

    private char charAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private Pos here() {
        int idx = java.util.Arrays.binarySearch(lineStarts, pos);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Pos(pos, line + 1, pos - lineStarts[line] + 1);
    }

    private FilterException error(String msg) {
        return new FilterException(msg, here());
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isBareChar(char c) {
        return c != '\0' && !isBlank(c) && c != '(' && c != ')' && c != ',' && c != '=' && c != '"' && c != '\'';
    }

    private static boolean isFieldArgChar(char c) {
        return !isBlank(c) && c != '[' && c != ']' && c != '"' && c != '\'';
    }
}
