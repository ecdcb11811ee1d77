package io.pdig.analyzer.output;

import io.pdig.analyzer.fields.EvalContext;
import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.fields.FieldType;
import io.pdig.analyzer.rules.OutputFormat;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.state.StateView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds {@link Alert}s for matched rules: substitutes the output format's fields (missing values
 * print {@code <NA>}) and collects output_fields with typed values as Falco's JSON does: one key
 * per field token (transformed tokens omitted), plus evt.time from the line prefix. Stateless
 * apart from the fallback host name; thread-safe.
 */
public final class AlertFactory {
    private final String fallbackHostname;

    /**
     * @param fallbackHostname host name used when the journal has no session start naming the
     *                         traced host (Falco uses $FALCO_HOSTNAME or gethostname())
     */
    public AlertFactory(String fallbackHostname) {
        this.fallbackHostname = fallbackHostname;
    }

    public Alert create(EvalContext ctx, String rule, Priority priority, String source, Collection<String> tags,
                        OutputFormat format) {
        String message = format.render(ctx, FalcoFieldFormatting.INSTANCE);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("evt.time", ctx.event().ts());
        for (OutputFormat.FieldToken t : format.fields()) {
            if (t.transformer() != null) {
                continue;
            }
            fields.put(t.text(), jsonValue(t.field(), t.field().extractForJson(ctx, t.argument())));
        }
        StateView st = ctx.state();
        String host = st != null && st.hostname() != null ? st.hostname() : fallbackHostname;
        return new Alert(ctx.event().ts(), rule, priority, source, List.copyOf(new TreeSet<>(tags)), message, fields,
                host);
    }

    /** Typed JSON value: numbers stay numbers, lists and buffers become their text form. */
    static Object jsonValue(FieldDef field, Object v) {
        if (v == null || v instanceof Long || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Number n && field.type() != FieldType.CHARBUF) {
            return n.longValue();
        }
        return FalcoFieldFormatting.text(v);
    }
}
