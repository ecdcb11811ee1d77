package io.pdig.journal.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the primitive encodings written by {@link ByteWriter} from a byte range. Every read is
 * bounds-checked and throws {@link DecodeException} instead of reading garbage, so a record whose
 * checksum happens to match but whose body is malformed is still reported, never misread.
 */
public final class ByteReader {
    /** Longest byte string a record may declare; anything larger is damage, not data. */
    static final int MAX_BYTES = 64 << 20;

    private final byte[] buf;
    private int pos;
    private final int limit;

    public ByteReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.limit = off + len;
    }

    public int position() {
        return pos;
    }

    public boolean hasMore() {
        return pos < limit;
    }

    public int u8() {
        // Kept under C1's inlining size (35 bytecodes): the throw lives in endsEarly().
        if (pos >= limit) throw endsEarly();
        return buf[pos++] & 0xFF;
    }

    private static DecodeException endsEarly() {
        return new DecodeException("record ends early");
    }

    public int int32LE() {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    public long uvarint() {
        // The one-byte case first, read in place: most varints of a record are small.
        int p = pos;
        if (p < limit) {
            int b = buf[p];
            if (b >= 0) {
                pos = p + 1;
                return b;
            }
        }
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new DecodeException("varint longer than 10 bytes");
    }

    public long svarint() {
        long u = uvarint();
        return (u >>> 1) ^ -(u & 1);
    }

    /** A uvarint that must fit an int in [0, max]. */
    public int count(int max) {
        long v = uvarint();
        if (v < 0 || v > max) throw new DecodeException("length " + v + " out of range");
        return (int) v;
    }

    public int int32() {
        long v = svarint();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new DecodeException("int out of range: " + v);
        return (int) v;
    }

    public byte[] raw(int n) {
        if (n < 0 || n > limit - pos) throw new DecodeException("record ends early");
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    public byte[] bytes() {
        return raw(count(MAX_BYTES));
    }

    /**
     * A length-prefixed byte string appended to the first {@code prefixLength} bytes of
     * {@code prefix}, in one allocation (the front-coded paths of the schema).
     */
    public byte[] bytesAfterPrefix(byte[] prefix, int prefixLength) {
        int n = count(MAX_BYTES);
        if (n > limit - pos) throw new DecodeException("record ends early");
        byte[] v = new byte[prefixLength + n];
        System.arraycopy(prefix, 0, v, 0, prefixLength);
        System.arraycopy(buf, pos, v, prefixLength, n);
        pos += n;
        return v;
    }

    public String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
