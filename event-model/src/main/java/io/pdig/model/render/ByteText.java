package io.pdig.model.render;

import java.util.List;

/**
 * Text forms of tracee byte strings. Two forms with different jobs:
 * <ul>
 *   <li>{@link #quote}: strace's quoted form, exact and unambiguous: printable ASCII (0x20-0x7e)
 *   as is, {@code "} and {@code \} as {@code \"} and {@code \\}, every other byte (newline
 *   included) as {@code \xNN} in lower-case hex.</li>
 *   <li>{@link #quoteData}: strace's default form of I/O data (read/write buffers): at most
 *   {@link #DATA_SHOWN} bytes, C escapes for {@code \n \t \r \v \f \" \\}, other bytes
 *   outside 0x20-0x7e in octal (paths keep {@link #quote}'s hex: the form the project chose for
 *   names).</li>
 *   <li>{@link #utf8Text}: readable text for JSON: valid UTF-8 decoded, each byte of an invalid
 *   sequence written as the four characters {@code \xNN}. A literal backslash is kept, so a name
 *   that really contains the text "\x41" reads the same as an invalid byte 0x41 would; the exact
 *   bytes remain in the journal.</li>
 * </ul>
 */
public final class ByteText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ByteText() {
    }

    /** {@code "bytes"}, with {@code ...} after the closing quote when truncated. */
    public static String quote(byte[] bytes, boolean truncated) {
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        appendQuoted(sb, bytes, truncated);
        return sb.toString();
    }

    public static void appendQuoted(StringBuilder sb, byte[] bytes, boolean truncated) {
        sb.append('"');
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c <= 0x7e) {
                sb.append((char) c);
            } else {
                appendHexByte(sb, c);
            }
        }
        sb.append('"');
        if (truncated) sb.append("...");
    }

    /** Bytes of a data buffer that {@link #quoteData} shows (strace's default {@code -s 32}). */
    public static final int DATA_SHOWN = 32;

    /**
     * strace's text of a data buffer: {@code "..."} of the first {@link #DATA_SHOWN} bytes, then
     * {@code ...} when more were captured or {@code truncated} (the call moved more than was
     * captured). As strace 6.1's string_quote: an octal escape takes the fewest digits unless the
     * next shown byte is an octal digit, which would otherwise be read as part of it ({@code \0}
     * but {@code \0001}); a byte past the shown ones is not looked at.
     */
    public static String quoteData(byte[] bytes, boolean truncated) {
        StringBuilder sb = new StringBuilder(Math.min(bytes.length, DATA_SHOWN) + 8);
        quoteData(sb, bytes, 0, bytes.length, truncated);
        return sb.toString();
    }

    /** {@link #quoteData(byte[], boolean)} of {@code bytes[off, off + len)}, appended to {@code sb}. */
    public static void quoteData(StringBuilder sb, byte[] bytes, int off, int len, boolean truncated) {
        int shown = Math.min(len, DATA_SHOWN);
        sb.append('"');
        for (int i = 0; i < shown; i++) {
            int c = bytes[off + i] & 0xff;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case 0x0b -> sb.append("\\v");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        sb.append((char) c);
                    } else {
                        boolean digitNext = i + 1 < shown && bytes[off + i + 1] >= '0' && bytes[off + i + 1] <= '7';
                        String oct = Integer.toOctalString(c);
                        sb.append('\\');
                        if (digitNext) sb.append("000", oct.length(), 3);
                        sb.append(oct);
                    }
                }
            }
        }
        sb.append('"');
        if (truncated || len > shown) sb.append("...");
    }

    /**
     * {@link #quoteData}'s counterpart for buffers strace always prints in hex (getrandom's): the
     * first {@link #DATA_SHOWN} bytes each as {@code \xNN} (lower case), {@code ...} after when
     * there were more.
     */
    public static String hexData(byte[] bytes, boolean truncated) {
        int shown = Math.min(bytes.length, DATA_SHOWN);
        StringBuilder sb = new StringBuilder(shown * 4 + 5).append('"');
        for (int i = 0; i < shown; i++) {
            sb.append("\\x").append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        sb.append('"');
        if (truncated || bytes.length > shown) sb.append("...");
        return sb.toString();
    }

    /** strace's array form: {@code ["a", "b"]}, with {@code , ...} before the bracket when truncated. */
    public static String quoteList(List<byte[]> items, boolean truncated) {
        return quoteList(items, truncated, i -> false);
    }

    /** As {@link #quoteList(List, boolean)}, with strace's {@code ...} after each item {@code cut} names. */
    public static String quoteList(List<byte[]> items, boolean truncated, java.util.function.IntPredicate cut) {
        return quoteList(items, truncated, cut, i -> null);
    }

    /**
     * As {@link #quoteList(List, boolean, java.util.function.IntPredicate)}; an item for which
     * {@code instead} gives text (strace: the address of a string it could not read) is written as
     * that text, unquoted.
     */
    public static String quoteList(List<byte[]> items, boolean truncated, java.util.function.IntPredicate cut,
                                   java.util.function.IntFunction<String> instead) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            String other = instead.apply(i);
            if (other != null) {
                sb.append(other);
                continue;
            }
            appendQuoted(sb, items.get(i), false);
            if (cut.test(i)) sb.append("...");
        }
        if (truncated) sb.append(items.isEmpty() ? "..." : ", ...");
        return sb.append(']').toString();
    }

    /**
     * Strict UTF-8 decoding with {@code \xNN} for each byte that is not part of a valid sequence,
     * and a backslash written as two, so that the text says which bytes it came from: a name with
     * the byte 0xff reads {@code \xff}, one with the four characters backslash, x, f, f reads
     * {@code \\xff}.
     */
    public static String utf8Text(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int n = validSequenceLength(b, i);
            if (n == 0) {
                appendHexByte(sb, b[i] & 0xff);
                i++;
                continue;
            }
            int cp;
            int c0 = b[i] & 0xff;
            if (n == 1) {
                cp = c0;
                if (cp == '\\') {
                    sb.append("\\\\");
                    i++;
                    continue;
                }
            } else if (n == 2) {
                cp = (c0 & 0x1f) << 6 | (b[i + 1] & 0x3f);
            } else if (n == 3) {
                cp = (c0 & 0x0f) << 12 | (b[i + 1] & 0x3f) << 6 | (b[i + 2] & 0x3f);
            } else {
                cp = (c0 & 0x07) << 18 | (b[i + 1] & 0x3f) << 12 | (b[i + 2] & 0x3f) << 6 | (b[i + 3] & 0x3f);
            }
            sb.appendCodePoint(cp);
            i += n;
        }
        return sb.toString();
    }

    /** True when the bytes are entirely valid UTF-8. */
    public static boolean isValidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int n = validSequenceLength(b, i);
            if (n == 0) return false;
            i += n;
        }
        return true;
    }

    /** Length of the valid UTF-8 sequence starting at i (no overlongs, no surrogates, max U+10FFFF), or 0. */
    private static int validSequenceLength(byte[] b, int i) {
        int c0 = b[i] & 0xff;
        if (c0 < 0x80) return 1;
        int n;
        int lo = 0x80, hi = 0xbf;
        if (c0 >= 0xc2 && c0 <= 0xdf) {
            n = 2;
        } else if (c0 >= 0xe0 && c0 <= 0xef) {
            n = 3;
            if (c0 == 0xe0) lo = 0xa0;
            if (c0 == 0xed) hi = 0x9f;
        } else if (c0 >= 0xf0 && c0 <= 0xf4) {
            n = 4;
            if (c0 == 0xf0) lo = 0x90;
            if (c0 == 0xf4) hi = 0x8f;
        } else {
            return 0;
        }
        if (i + n > b.length) return 0;
        int c1 = b[i + 1] & 0xff;
        if (c1 < lo || c1 > hi) return 0;
        for (int k = 2; k < n; k++) {
            int c = b[i + k] & 0xff;
            if (c < 0x80 || c > 0xbf) return 0;
        }
        return n;
    }

    static void appendHexByte(StringBuilder sb, int c) {
        sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }

    /** Lower-case hex of all bytes, no separators. */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        return sb.toString();
    }
}
