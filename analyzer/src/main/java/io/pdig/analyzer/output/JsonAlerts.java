package io.pdig.analyzer.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Falco's JSON alert: a compact object with alphabetically ordered keys hostname, output (the
 * full text line), output_fields (typed values, null when missing, keys sorted), priority, rule,
 * source, tags, time (UTC RFC 3339 with nanoseconds). Thread-safe.
 */
public final class JsonAlerts {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonAlerts() {
    }

    public static ObjectNode toJson(Alert a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("hostname", a.hostname());
        o.put("output", a.textLine());
        ObjectNode fields = o.putObject("output_fields");
        for (Map.Entry<String, Object> e : new TreeMap<>(a.outputFields()).entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                fields.putNull(e.getKey());
            } else if (v instanceof Long l) {
                fields.put(e.getKey(), l);
            } else if (v instanceof Boolean b) {
                fields.put(e.getKey(), b);
            } else {
                fields.put(e.getKey(), String.valueOf(v));
            }
        }
        o.put("priority", a.priority().display());
        o.put("rule", a.rule());
        o.put("source", a.source());
        ArrayNode tags = o.putArray("tags");
        for (String t : a.tags()) {
            tags.add(t);
        }
        o.put("time", AlertTimes.rfc3339(a.ts()));
        return o;
    }

    /** One compact JSON line (no trailing newline). */
    public static String toLine(Alert a) {
        try {
            return MAPPER.writeValueAsString(toJson(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize alert for rule " + a.rule(), e);
        }
    }
}
