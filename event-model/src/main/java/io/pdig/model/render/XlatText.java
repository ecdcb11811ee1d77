package io.pdig.model.render;

import io.pdig.model.consts.FlagSet;
import io.pdig.model.consts.NameTable;
import io.pdig.model.consts.ValueNames;

/**
 * strace's text of a value a table may not name: the name when it does; otherwise the number in
 * hex followed by a comment naming the table's family, {@code 0x63 /* PR_??? *}{@code /} (0 as
 * {@code 0}). The tables render unknown values as plain numbers (JSON and rule fields keep those);
 * these are the forms strace uses where its decoders print with a default ("PR_???", "AF_???"),
 * given here or by the table ({@link NameTable#straceUnknown}).
 */
final class XlatText {

    private XlatText() {
    }

    /**
     * A value of a table as an argument of a --print line: the table's rendering, or where the
     * table carries strace's comment for what it does not name, that form; {@code cInt}: the value
     * is a C int (normalized, maybe negative), which strace writes as its 32 bits in hex.
     */
    static String of(NameTable table, long v, boolean cInt) {
        String unknown = table.straceUnknown();
        if (unknown == null) return table.render(v);
        if (table instanceof ValueNames names) {
            String n = names.name(v);
            return n != null ? n : StructLayouts.hex(cInt ? v & 0xffffffffL : v) + " /* " + unknown + " */";
        }
        String text = table.render(v);
        return v != 0 && text.startsWith("0x") ? text + " /* " + unknown + " */" : text;
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
