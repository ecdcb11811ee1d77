package io.pdig.analyzer.rules;

import io.pdig.analyzer.fields.FieldDef;

/**
 * How an extracted value becomes text in an alert. The output package implements this with
 * Falco's per-type rendering; the default prints {@code String.valueOf(value)} and {@code <NA>}
 * for a missing value, and joins list values with single spaces.
 */
@FunctionalInterface
public interface FieldFormatting {
    String toText(FieldDef field, Object value);

    FieldFormatting DEFAULT = (field, value) -> {
        if (value == null) return "<NA>";
        if (value instanceof java.util.List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(o);
            }
            return sb.toString();
        }
        if (value instanceof byte[] b) return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        return String.valueOf(value);
    };
}
