package io.pdig.analyzer.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** A structural problem found while walking the tokens, with its position. */
    private static final class Positioned extends IOException {
        final int line;
        final int col;

        Positioned(String message, int line, int col) {
            super(message);
            this.line = line;
            this.col = col;
        }
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
                docs.add(read(p, t, new java.util.HashMap<>()));
            }
        } catch (Positioned e) {
            throw new YamlException(e.getMessage(), e.line, e.col);
        } catch (JsonProcessingException e) {
            throw fromSnakeYaml(e);
        } catch (IOException | RuntimeException e) {
            throw new YamlException(String.valueOf(e.getMessage()), 1, 1);
        }
        return docs;
    }

    /**
     * SnakeYAML's messages span several lines: problem texts, " in 'reader', line L, column C:"
     * marks and source excerpts. Keep the texts on one line and take the position of the last mark
     * (the problem itself, 1-based).
     */
    private static YamlException fromSnakeYaml(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
        int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
        StringBuilder text = new StringBuilder();
        java.util.regex.Pattern mark = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");
        for (String l : String.valueOf(e.getOriginalMessage()).split("\n")) {
            if (l.startsWith(" in ")) {
                java.util.regex.Matcher m = mark.matcher(l);
                if (m.find()) {
                    line = Integer.parseInt(m.group(1));
                    col = Integer.parseInt(m.group(2));
                }
            } else if (!l.startsWith("    ") && !l.isBlank()) {
                if (text.length() > 0) text.append(": ");
                text.append(l.trim());
            }
        }
        return new YamlException(text.length() == 0 ? "invalid YAML" : text.toString(), line, col);
    }

    /** Reads one node; anchored nodes are remembered so that aliases ({@code *name}) resolve to them. */
    private static YamlNode read(JsonParser p, JsonToken t, Map<String, YamlNode> anchors) throws IOException {
        if (t == JsonToken.VALUE_STRING && p instanceof YAMLParser yp && yp.isCurrentAlias()) {
            YamlNode target = anchors.get(p.getText());
            if (target == null) {
                JsonLocation at = p.currentTokenLocation();
                throw new Positioned("unknown alias *" + p.getText(), at.getLineNr(), at.getColumnNr());
            }
            return target;
        }
        String anchor = p instanceof YAMLParser yp ? yp.getObjectId() : null;
        YamlNode n = readNode(p, t, anchors);
        if (anchor != null) anchors.put(anchor, n);
        return n;
    }

    private static YamlNode readNode(JsonParser p, JsonToken t, Map<String, YamlNode> anchors) throws IOException {
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
                    items.add(read(p, n, anchors));
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
                    YamlNode value = read(p, p.nextToken(), anchors);
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
