package io.pdig.analyzer.output;

import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.rules.FieldFormatting;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Falco's text rendering of field values in alert lines: a missing value prints {@code <NA>},
 * numbers in decimal (ports, ids, times in ns), booleans as true/false, strings verbatim (Falco
 * 0.44.1 prints them raw, control characters included), lists (ancestor fields without index)
 * space-separated, byte buffers as text. Stateless; thread-safe.
 */
public final class FalcoFieldFormatting implements FieldFormatting {
    public static final FalcoFieldFormatting INSTANCE = new FalcoFieldFormatting();

    public static final String NA = "<NA>";

    private FalcoFieldFormatting() {
    }

    @Override
    public String toText(FieldDef field, Object value) {
        return text(value);
    }

    static String text(Object value) {
        if (value == null) {
            return NA;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> l) {
            StringBuilder b = new StringBuilder();
            for (Object o : l) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(text(o));
            }
            return b.toString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }
}
