package io.pdig.analyzer.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Falco's JSON alert: a compact object with alphabetically ordered keys hostname, output (the
 * full text line), output_fields (typed values, null when missing, keys sorted), priority, rule,
 * source, tags, time (UTC RFC 3339 with nanoseconds). Thread-safe.
 *
 * <p>Written with Jackson's streaming generator, not the databind tree: an ObjectMapper's first
 * use costs hundreds of milliseconds of class loading in a fresh JVM, which the first live alert
 * would otherwise wait for.
 */
public final class JsonAlerts {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonAlerts() {
    }

    /** One compact JSON line (no trailing newline). */
    public static String toLine(Alert a) {
        StringWriter out = new StringWriter(256 + a.message().length() * 2);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("hostname", a.hostname());
            g.writeStringField("output", a.textLine());
            g.writeObjectFieldStart("output_fields");
            for (Map.Entry<String, Object> e : new TreeMap<>(a.outputFields()).entrySet()) {
                Object v = e.getValue();
                g.writeFieldName(e.getKey());
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeString(String.valueOf(v));
                }
            }
            g.writeEndObject();
            g.writeStringField("priority", a.priority().display());
            g.writeStringField("rule", a.rule());
            g.writeStringField("source", a.source());
            g.writeArrayFieldStart("tags");
            for (String t : a.tags()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeStringField("time", AlertTimes.rfc3339(a.ts()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize alert for rule " + a.rule(), e);
        }
        return out.toString();
    }
}
