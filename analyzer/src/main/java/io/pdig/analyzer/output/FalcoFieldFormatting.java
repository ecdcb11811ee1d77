package io.pdig.analyzer.output;

import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.rules.FieldFormatting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

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

    /**
     * The fields libsinsp declares PF_10_PADDED_DEC: it prints them with at least nine digits,
     * zero-filled ({@code %09}), so a fraction of a second reads as one (evt.rawtime.ns=000123000).
     * JSON keeps them as plain numbers, as Falco's does.
     */
    private static final Set<String> NINE_DIGITS = Set.of("evt.rawtime.ns", "evt.latency.ns", "evt.reltime",
            "evt.reltime.ns", "evt.deltatime.ns");

    @Override
    public String toText(FieldDef field, Object value) {
        if (value instanceof Long n && field != null && NINE_DIGITS.contains(field.name())) {
            return nineDigits(n);
        }
        return text(value);
    }

    /**
     * At least nine digits, zero-filled, as C's %09 prints libsinsp's unsigned value; a negative
     * one (a deltatime of a call that began before the previous one, where libsinsp's would wrap)
     * keeps its sign in front of the nine digits.
     */
    static String nineDigits(long n) {
        String digits = Long.toString(Math.abs(n));
        if (n == Long.MIN_VALUE || digits.length() >= 9) {
            return Long.toString(n);
        }
        return (n < 0 ? "-" : "") + "000000000".substring(digits.length()) + digits;
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
