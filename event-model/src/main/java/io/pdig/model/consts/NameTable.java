package io.pdig.model.consts;

import java.util.List;
import java.util.OptionalLong;

/**
 * Names for the values of one kind of argument (an enumeration such as socket families, or a bit
 * set such as open flags). Implementations are immutable and safe to share between threads.
 */
public interface NameTable {

    /** What the table names, for error messages ("open flags", "signal"). */
    String title();

    /** strace-style rendering: a name, names joined by {@code |} with unknown bits in hex, or a number. */
    String render(long value);

    /**
     * Falco-style rendering (what {@code evt.arg.X} shows): known names only, unknown bits dropped,
     * the decimal number when nothing is known. Tables whose Falco form differs override this.
     */
    default String renderFalco(long value) {
        return render(value);
    }

    /** The value of one name (aliases included), or empty. */
    OptionalLong valueOf(String name);

    /**
     * Parses what {@link #render} produces (and plain numbers: decimal, 0x hex, 0-prefixed octal).
     *
     * @throws IllegalArgumentException naming the table and the offending word
     */
    long parse(String text);

    /**
     * What strace writes in a comment after a value this table does not name, its decoder's
     * default ({@code "AF_???"}: {@code 0x63 /* AF_??? *}{@code /}); null where strace writes the
     * plain number (render.XlatText applies it to --print and dump lines only).
     */
    default String straceUnknown() {
        return null;
    }

    /** All primary names in table order. */
    List<String> names();

    /** Every name the table knows (aliases and field names included) with its value, in table order. */
    java.util.Map<String, Long> entries();
}
