package io.pdig.model.render;

/**
 * A minimal JSON writer producing one compact line. Tracks where commas go; the caller nests
 * begin/end calls correctly. Strings are escaped per RFC 8259: {@code "} and {@code \}, the
 * short escapes for \b \f \n \r \t, {@code \}{@code u00NN} for other control characters and DEL.
 * Not thread-safe: one instance per document.
 */
final class JsonOut {

    private final StringBuilder sb = new StringBuilder(256);
    /** needsComma[depth]: a value was already written at this nesting level. */
    private boolean[] needsComma = new boolean[16];
    private int depth;
    private boolean afterKey;

    JsonOut beginObject() {
        separate();
        sb.append('{');
        push();
        return this;
    }

    JsonOut endObject() {
        depth--;
        sb.append('}');
        return this;
    }

    JsonOut beginArray() {
        separate();
        sb.append('[');
        push();
        return this;
    }

    JsonOut endArray() {
        depth--;
        sb.append(']');
        return this;
    }

    JsonOut key(String k) {
        separate();
        appendString(k);
        sb.append(':');
        afterKey = true;
        return this;
    }

    JsonOut value(String s) {
        if (s == null) return nul();
        separate();
        appendString(s);
        return this;
    }

    JsonOut value(long v) {
        separate();
        sb.append(v);
        return this;
    }

    JsonOut unsigned(long v) {
        separate();
        sb.append(Long.toUnsignedString(v));
        return this;
    }

    JsonOut value(boolean v) {
        separate();
        sb.append(v);
        return this;
    }

    /** Writes an already-rendered JSON value (a nested document built by another JsonOut). */
    JsonOut rawValue(String json) {
        separate();
        sb.append(json);
        return this;
    }

    JsonOut nul() {
        separate();
        sb.append("null");
        return this;
    }

    private void push() {
        depth++;
        if (depth >= needsComma.length) needsComma = java.util.Arrays.copyOf(needsComma, depth * 2);
        needsComma[depth] = false;
    }

    private void separate() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (needsComma[depth]) sb.append(',');
        needsComma[depth] = true;
    }

    private void appendString(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
