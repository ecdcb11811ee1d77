package io.pdig.model.render;

import io.pdig.model.event.ArgValue;

/**
 * strace 6.1's text of an iovec array: {@code [{iov_base="hello", iov_len=5}, ...]}. Each
 * segment's data as {@link ByteText#quoteData} shows a buffer (at most 32 bytes, {@code ...} when
 * the segment moved more than is shown); a segment without captured bytes (unreadable, or a failed
 * read) as its base address; {@code , ...} before the bracket when the caller passed more segments
 * than were read (strace shows as many, 32).
 */
final class IoVecText {

    private IoVecText() {
    }

    static String strace(ArgValue.IoVec v) {
        long[] bases = v.bases();
        long[] lengths = v.lengths();
        int[] captured = v.captured();
        byte[] data = v.data();
        StringBuilder sb = new StringBuilder(24 + bases.length * 40);
        sb.append('[');
        int off = 0;
        for (int i = 0; i < bases.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append("{iov_base=");
            if (captured[i] < 0) {
                sb.append(bases[i] == 0 ? "NULL" : StructLayouts.hex(bases[i]));
            } else {
                // cut: the segment moved more than was captured (past the snap length)
                boolean cut = Long.compareUnsigned(captured[i], v.moved(i)) < 0;
                ByteText.quoteData(sb, data, off, captured[i], cut);
                off += captured[i];
            }
            sb.append(", iov_len=").append(Long.toUnsignedString(lengths[i])).append('}');
        }
        if (Long.compareUnsigned(v.count(), bases.length) > 0) sb.append(bases.length > 0 ? ", ..." : "...");
        return sb.append(']').toString();
    }
}
