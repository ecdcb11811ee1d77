package io.pdig.journal.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the primitive encodings of the journal schema: unsigned LEB128
 * varints, zigzag varints, length-prefixed byte strings. Reused for every record by its one owner
 * thread (not thread-safe).
 */
public final class ByteWriter {
    private byte[] buf;
    private int len;

    public ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public void reset() {
        len = 0;
    }

    public int length() {
        return len;
    }

    /** The backing array; valid bytes are [0, length()). */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    public void u8(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    /** Four bytes, little-endian, at an absolute position already written (used for the checksum). */
    public void putInt32At(int pos, int v) {
        buf[pos] = (byte) v;
        buf[pos + 1] = (byte) (v >>> 8);
        buf[pos + 2] = (byte) (v >>> 16);
        buf[pos + 3] = (byte) (v >>> 24);
    }

    /** Resets to exactly {@code n} bytes and returns the array to fill [0, n) directly. */
    public byte[] prepare(int n) {
        len = 0;
        ensure(n);
        len = n;
        return buf;
    }

    public void skip(int n) {
        ensure(n);
        len += n;
    }

    /** Unsigned LEB128: 7 bits per byte, low bits first; a negative long takes 10 bytes. */
    public void uvarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    /** Zigzag then LEB128, so small negative numbers stay short (-1 is one byte). */
    public void svarint(long v) {
        uvarint((v << 1) ^ (v >> 63));
    }

    public void raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /** Length (uvarint) then the bytes. */
    public void bytes(byte[] b) {
        uvarint(b.length);
        raw(b, 0, b.length);
    }

    public void string(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Number of bytes {@link #uvarint} would use. */
    public static int uvarintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    public static int svarintSize(long v) {
        return uvarintSize((v << 1) ^ (v >> 63));
    }
}
