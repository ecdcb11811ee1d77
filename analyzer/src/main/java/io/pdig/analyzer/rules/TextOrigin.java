package io.pdig.analyzer.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each character of a condition or output string came from in the rules files, so that a
 * parser position (an offset into the final string) becomes file:line:column. Conditions are
 * built from several scalars (override/append joins, exception translation) and then rewritten by
 * list substitution; each step wraps the origin of its input.
 */
interface TextOrigin {
    Location locate(int offset);

    /** Every offset maps to one place (e.g. text Falco generates from an exceptions block). */
    static TextOrigin fixed(Location loc) {
        return offset -> loc;
    }

    /**
     * The characters of a YAML scalar. The scalar's value differs from its source text (quotes,
     * escapes, block-scalar indentation and folding), so the value is aligned with the source
     * greedily: each non-blank value character is matched with the next equal character in the
     * scalar's source span. This is exact for plain scalars, for block scalars ({@code >} and
     * {@code |}: line folding only changes blanks) and for quoted scalars without escapes; after
     * an escape such as {@code \x41} the alignment may drift to the next equal character. An
     * offset on a blank maps to the next non-blank character (or just after the last one).
     */
    final class Scalar implements TextOrigin {
        private final SourceFile file;
        private final YamlNode.Scalar node;
        private int[] map;

        Scalar(SourceFile file, YamlNode.Scalar node) {
            this.file = file;
            this.node = node;
        }

        @Override
        public Location locate(int offset) {
            if (map == null) map = align();
            int o = Math.max(0, Math.min(offset, map.length - 1));
            return file.at(map[o]);
        }

        private int[] align() {
            String v = node.text();
            String src = file.content;
            int end = Math.min(Math.max(node.endOffset(), node.offset()), src.length());
            int[] m = new int[v.length() + 1];
            int sp = node.offset();
            int last = node.offset();
            boolean lost = false;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    m[i] = -1;
                    continue;
                }
                int found = -1;
                if (!lost) {
                    for (int k = sp; k < end; k++) {
                        if (src.charAt(k) == c) {
                            found = k;
                            break;
                        }
                    }
                }
                if (found < 0) {
                    lost = true;
                    found = Math.min(last + 1, src.length());
                }
                m[i] = found;
                last = found;
                sp = found + 1;
            }
            m[v.length()] = v.isEmpty() ? node.offset() : Math.min(last + 1, src.length());
            for (int i = v.length() - 1; i >= 0; i--) {
                if (m[i] < 0) m[i] = m[i + 1];
            }
            return m;
        }
    }

    /** Concatenated pieces, each with its own origin. */
    final class Composite implements TextOrigin {
        private final List<int[]> ranges = new ArrayList<>();
        private final List<TextOrigin> origins = new ArrayList<>();

        /** Adds the piece at [start, end) of the combined text, whose offset 0 is {@code origin}'s offset 0. */
        Composite add(int start, int end, TextOrigin origin) {
            ranges.add(new int[] {start, end});
            origins.add(origin);
            return this;
        }

        @Override
        public Location locate(int offset) {
            for (int i = 0; i < ranges.size(); i++) {
                int[] r = ranges.get(i);
                if (offset < r[1] || i == ranges.size() - 1) {
                    return origins.get(i).locate(Math.max(0, offset - r[0]));
                }
            }
            return origins.isEmpty() ? new Location("?", 0, 0) : origins.get(0).locate(0);
        }
    }

    /** Text rewritten by substitution: {@code map[i]} is the offset in the input of output char i. */
    record Mapped(int[] map, TextOrigin inner) implements TextOrigin {
        @Override
        public Location locate(int offset) {
            int o = Math.max(0, Math.min(offset, map.length - 1));
            return inner.locate(map[o]);
        }
    }
}
