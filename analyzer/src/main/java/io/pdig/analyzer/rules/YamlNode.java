package io.pdig.analyzer.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the position where it starts in the file (1-based line and column, 0-based
 * character offset), read by {@link YamlReader}. Rules files need positions on every scalar so that
 * errors inside a condition can point into the file.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Seq, YamlNode.Map {
    int line();

    int col();

    int offset();

    /**
     * A scalar. {@code text} is the parsed value ("" for null); {@code endOffset} is the character
     * offset just after the scalar in the file (after a closing quote, or the end of a block scalar).
     */
    record Scalar(String text, boolean isNull, int line, int col, int offset, int endOffset) implements YamlNode {
    }

    record Seq(List<YamlNode> items, int line, int col, int offset) implements YamlNode {
    }

    /** A mapping in document order; each key keeps its own position. */
    record Map(LinkedHashMap<String, Entry> entries, int line, int col, int offset) implements YamlNode {
        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }
    }

    record Entry(String key, Scalar keyNode, YamlNode value) {
    }

    /** Human name of the node's shape, for messages. */
    static String kind(YamlNode n) {
        if (n instanceof Scalar s) return s.isNull() ? "null" : "scalar";
        if (n instanceof Seq) return "sequence";
        return "mapping";
    }
}
