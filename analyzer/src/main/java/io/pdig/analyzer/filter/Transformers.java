package io.pdig.analyzer.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Value sources that transform another source: tolower, toupper, basename, b64, len. */
final class Transformers {
    private Transformers() {
    }

    static Function<Object, Object> stringFn(String name) {
        return switch (name) {
            case "tolower" -> v -> ValueTests.str(v).toLowerCase(Locale.ROOT);
            case "toupper" -> v -> ValueTests.str(v).toUpperCase(Locale.ROOT);
            case "basename" -> v -> {
                String s = ValueTests.str(v);
                int slash = s.lastIndexOf('/');
                return slash < 0 ? s : s.substring(slash + 1);
            };
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Base64 decode; an undecodable value has no value (null). */
    static Object b64(Object v) {
        try {
            byte[] in = v instanceof byte[] b ? b : ValueTests.str(v).getBytes(StandardCharsets.US_ASCII);
            return new String(Base64.getDecoder().decode(in), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Applies {@code fn} to the value, or to each element of a list value. */
    static ValueSource map(ValueSource src, Function<Object, Object> fn) {
        return ctx -> {
            Object v = src.get(ctx);
            if (v == null) return null;
            if (v instanceof List<?> l) {
                List<Object> out = new ArrayList<>(l.size());
                for (Object e : l) {
                    if (e != null) {
                        Object t = fn.apply(e);
                        if (t != null) out.add(t);
                    }
                }
                return out;
            }
            return fn.apply(v);
        };
    }

    /** String length in bytes (as libsinsp counts), buffer length, or list size. */
    static ValueSource len(ValueSource src) {
        return ctx -> {
            Object v = src.get(ctx);
            if (v == null) return null;
            if (v instanceof List<?> l) return (long) l.size();
            if (v instanceof byte[] b) return (long) b.length;
            return (long) ValueTests.str(v).getBytes(StandardCharsets.UTF_8).length;
        };
    }
}
