package io.pdig.model.render;

import io.pdig.model.consts.FlagSet;
import io.pdig.model.consts.ValueNames;

/**
 * strace's text of a value a table may not name: the name when it does; otherwise the number in
 * hex followed by a comment naming the table's family, {@code 0x63 /* PR_??? *}{@code /} (0 as
 * {@code 0}). The tables render unknown values as plain numbers; these are the forms strace uses
 * where its decoders print with a default ("PR_???", "CAP_???", ...).
 */
final class XlatText {

    private XlatText() {
    }

    /** An enumeration's value: its name, or {@code hex /* unknown *}{@code /}. */
    static String value(ValueNames table, long v, String unknown) {
        String n = table.name(v);
        return n != null ? n : StructLayouts.hex(v) + " /* " + unknown + " */";
    }

    /**
     * A bit set: the named bits and the rest in hex ({@code A|B|0x100}); a value with no named bit
     * is {@code hex /* unknown *}{@code /}, 0 is {@code 0}.
     */
    static String flags(FlagSet table, long v, String unknown) {
        String text = table.render(v);
        return v != 0 && text.startsWith("0x") ? text + " /* " + unknown + " */" : text;
    }
}
