package io.pdig.analyzer.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads all YAML documents of a rules file into {@link YamlNode}s, keeping the position of every
 * node, with Jackson's streaming YAML parser (no data binding: positions would be lost).
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** A syntax error with its 1-based position. */
    public static final class YamlException extends Exception {
        private final int line;
        private final int col;

        YamlException(String message, int line, int col) {
            super(message, null, false, false);
            this.line = line;
            this.col = col;
        }

        public int line() {
            return line;
        }

        public int col() {
            return col;
        }
    }

    private YamlReader() {
    }

    /** Every document's root node (a null scalar for an empty document). */
    public static List<YamlNode> readAll(String content) throws YamlException {
        List<YamlNode> docs = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(content)) {
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    // Jackson may report the end of one document before the next one starts.
                    t = p.nextToken();
                    if (t == null) break;
                }
                docs.add(read(p, t));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            if (nl > 0) msg = msg.substring(0, nl);
            throw new YamlException(msg.trim(), loc == null ? 1 : Math.max(1, loc.getLineNr()),
                    loc == null ? 1 : Math.max(1, loc.getColumnNr()));
        } catch (IOException e) {
            throw new YamlException(e.getMessage(), 1, 1);
        }
        return docs;
    }

    private static YamlNode read(JsonParser p, JsonToken t) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        int line = start.getLineNr();
        int col = start.getColumnNr();
        int off = (int) start.getCharOffset();
        switch (t) {
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (n == null) throw new IOException("unexpected end of YAML sequence");
                    items.add(read(p, n));
                }
                return new YamlNode.Seq(items, line, col, off);
            }
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_OBJECT) {
                    if (n != JsonToken.FIELD_NAME) throw new IOException("unexpected YAML token " + n);
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    YamlNode.Scalar keyNode = new YamlNode.Scalar(key, false, kl.getLineNr(), kl.getColumnNr(),
                            (int) kl.getCharOffset(), (int) p.currentLocation().getCharOffset());
                    YamlNode value = read(p, p.nextToken());
                    entries.put(key, new YamlNode.Entry(key, keyNode, value));
                }
                return new YamlNode.Map(entries, line, col, off);
            }
            default -> {
                int end = (int) p.currentLocation().getCharOffset();
                if (t == JsonToken.VALUE_NULL) {
                    return new YamlNode.Scalar("", true, line, col, off, end);
                }
                return new YamlNode.Scalar(p.getText(), false, line, col, off, end);
            }
        }
    }
}
