package io.pdig.model.render;

import io.pdig.model.consts.FileConsts;
import java.util.List;

/**
 * strace's text of a struct statfs (statfs, fstatfs), from the Words the tracer stores: the
 * address, then x86_64's first eleven words in the kernel's order ({@link #FIELDS}; f_fsid is its
 * two ints in one word, val[0] low). strace prints every field, even without -v:
 * {@code {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ..., f_fsid={val=[0xefcda243, 0x6b01326a]},
 * f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}}.
 */
public final class StatFs {

    /** The field names after the address, in the stored order. */
    public static final List<String> FIELDS = List.of("f_type", "f_bsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
            "f_ffree", "f_fsid", "f_namelen", "f_frsize", "f_flags");

    /** How many words a stored struct statfs has: its address and {@link #FIELDS}. */
    public static final int WORDS = 1 + 11;

    private StatFs() {
    }

    public static String strace(long[] w) {
        StringBuilder sb = new StringBuilder("{f_type=").append(type(w[1]));
        for (int k = 2; k < WORDS; k++) {
            sb.append(", ").append(FIELDS.get(k - 1)).append('=');
            switch (FIELDS.get(k - 1)) {
                case "f_fsid" -> sb.append("{val=[").append(StructLayouts.hex(w[k] & 0xffffffffL)).append(", ")
                        .append(StructLayouts.hex(w[k] >>> 32)).append("]}");
                case "f_flags" -> sb.append(FileConsts.ST_FLAGS.render(w[k]));
                default -> sb.append(Long.toUnsignedString(w[k]));
            }
        }
        return sb.append('}').toString();
    }

    /** The file system's magic by name, an unknown one in hex. */
    public static String type(long magic) {
        String name = FileConsts.FS_MAGICS.name(magic);
        return name != null ? name : StructLayouts.hex(magic);
    }
}
