package io.pdig.analyzer.rules;

import io.pdig.analyzer.fields.EvalContext;
import io.pdig.analyzer.fields.FieldArg;
import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.fields.FieldLookup;
import io.pdig.analyzer.filter.FilterException;
import io.pdig.analyzer.filter.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule's output format parsed once into literal and field tokens, as libsinsp's formatter reads
 * it: at each {@code %}, an optional decimal width, then either {@code (field)}, a transformer
 * {@code tolower(field)} (also toupper, b64, basename, len), or the longest prefix of the text that
 * is a known field name with an optional {@code [arg]} (shorter dotted prefixes are retried, so
 * {@code %proc.name.} takes proc.name). Every {@code %} must start a field: there is no escape, and
 * a trailing {@code %} is an error. Each field token has its own instance of its field
 * ({@link FieldDef#forOneUse()}), so a field with memory (evt.deltatime) remembers what this format
 * rendered. Immutable otherwise; {@link #render} is thread-safe if the extractors are (a field with
 * memory is not: such a format belongs to the thread evaluating its rules).
 */
public final class OutputFormat {

    /** A piece of the format: literal text or a field. */
    public sealed interface Token permits Literal, FieldToken {
    }

    public record Literal(String text) implements Token {
    }

    /**
     * A field reference. {@code text} is the canonical field text used as the JSON key
     * ({@code proc.aname[2]}, {@code evt.arg.flags}); {@code transformer} is null or a transformer
     * name; {@code width} is 0 or the exact width to pad/truncate to.
     */
    public record FieldToken(String text, FieldDef field, String argument, String transformer, int width)
            implements Token {
        public Object extract(EvalContext ctx) {
            Object v = field.extract(ctx, argument);
            if (v == null || transformer == null) return v;
            return transform(transformer, v);
        }
    }

    private static final List<String> TRANSFORMERS = List.of("tolower", "toupper", "b64", "basename", "len");

    private final String format;
    private final List<Token> tokens;

    private OutputFormat(String format, List<Token> tokens) {
        this.format = format;
        this.tokens = List.copyOf(tokens);
    }

    public String format() {
        return format;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** The field tokens, in order. */
    public List<FieldToken> fields() {
        List<FieldToken> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t instanceof FieldToken f) out.add(f);
        }
        return out;
    }

    public String render(EvalContext ctx) {
        return render(ctx, FieldFormatting.DEFAULT);
    }

    public String render(EvalContext ctx, FieldFormatting formatting) {
        StringBuilder sb = new StringBuilder(format.length() + 64);
        for (Token t : tokens) {
            if (t instanceof Literal l) {
                sb.append(l.text());
            } else {
                FieldToken f = (FieldToken) t;
                String s = formatting.toText(f.field(), f.extract(ctx));
                if (f.width() > 0) {
                    if (s.length() > f.width()) {
                        s = s.substring(0, f.width());
                    } else {
                        s = s + " ".repeat(f.width() - s.length());
                    }
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /**
     * Parses {@code format}; throws {@link FilterException} at the offending {@code %} (flagged
     * unknownFilter for an unknown field, as Falco's "unknown filter" error).
     */
    public static OutputFormat parse(String format, FieldLookup fields) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                lit.append(c);
                i++;
                continue;
            }
            int pct = i;
            if (i + 1 >= n) {
                throw new FilterException("invalid formatting syntax: formatting cannot end with a %", Pos.of(format, pct));
            }
            if (lit.length() > 0) {
                tokens.add(new Literal(lit.toString()));
                lit.setLength(0);
            }
            i++;
            int width = 0;
            while (i < n && Character.isDigit(format.charAt(i))) {
                width = width * 10 + (format.charAt(i) - '0');
                i++;
            }
            String transformer = null;
            boolean paren = false;
            int nameStart = i;
            for (String t : TRANSFORMERS) {
                if (format.startsWith(t + "(", i)) {
                    transformer = t;
                    i += t.length() + 1;
                    nameStart = i;
                    break;
                }
            }
            if (transformer == null && i < n && format.charAt(i) == '(') {
                paren = true;
                i++;
                nameStart = i;
            }
            int[] end = new int[1];
            FieldToken tok = longestField(format, nameStart, fields, width, transformer, end);
            if (tok == null) {
                int stop = nameStart;
                while (stop < n && !Character.isWhitespace(format.charAt(stop))) stop++;
                throw new FilterException("invalid formatting token " + format.substring(pct, stop)
                        + ": unknown filter: " + format.substring(nameStart, stop), Pos.of(format, pct), true);
            }
            i = end[0];
            if (transformer != null || paren) {
                if (i >= n || format.charAt(i) != ')') {
                    throw new FilterException("expected ')' after the field in " + format.substring(pct, i),
                            Pos.of(format, i));
                }
                i++;
            }
            tokens.add(tok);
        }
        if (lit.length() > 0) tokens.add(new Literal(lit.toString()));
        return new OutputFormat(format, tokens);
    }

    /** Longest dotted prefix at {@code start} that names a known field (with a valid argument). */
    private static FieldToken longestField(String s, int start, FieldLookup fields, int width, String transformer,
                                           int[] end) {
        int p = start;
        List<Integer> cuts = new ArrayList<>();
        while (true) {
            int seg = p;
            while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) p++;
            if (p == seg) {
                p = seg - 1;
                break;
            }
            cuts.add(p);
            if (p < s.length() && s.charAt(p) == '.' && p + 1 < s.length()
                    && (Character.isLetterOrDigit(s.charAt(p + 1)) || s.charAt(p + 1) == '_')) {
                p++;
                continue;
            }
            break;
        }
        for (int k = cuts.size() - 1; k >= 0; k--) {
            int cut = cuts.get(k);
            String name = s.substring(start, cut);
            if (name.indexOf('.') < 0) continue;
            FieldDef def = fields.lookup(name);
            if (def == null) continue;
            String[] split = fields.splitDottedArgument(name);
            String arg = split != null && split.length > 1 ? split[1] : null;
            int after = cut;
            if (arg == null && cut < s.length() && s.charAt(cut) == '[') {
                int close = s.indexOf(']', cut);
                if (close > cut + 1 && def.arg() != FieldArg.NONE) {
                    arg = s.substring(cut + 1, close);
                    after = close + 1;
                }
            }
            if (arg == null && (def.arg() == FieldArg.REQUIRED_INDEX || def.arg() == FieldArg.REQUIRED_KEY)) continue;
            String text = arg != null && after > cut ? name + "[" + arg + "]" : name;
            if (transformer != null) text = transformer + "(" + text + ")";
            end[0] = after;
            return new FieldToken(text, def.forOneUse(), arg, transformer, width);
        }
        return null;
    }

    static Object transform(String t, Object v) {
        String s = v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(v);
        return switch (t) {
            case "tolower" -> s.toLowerCase(Locale.ROOT);
            case "toupper" -> s.toUpperCase(Locale.ROOT);
            case "basename" -> s.substring(s.lastIndexOf('/') + 1);
            case "len" -> v instanceof List<?> l ? (long) l.size() : (long) s.length();
            case "b64" -> {
                try {
                    yield new String(java.util.Base64.getDecoder().decode(s), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    yield null;
                }
            }
            default -> v;
        };
    }

    @Override
    public String toString() {
        return format;
    }
}
