package io.pdig.model.consts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * A bit set rendered as {@code A|B|0x40}: names in table order (a multi-bit name matches only when
 * all its bits are set, and consumes them, so list O_TMPFILE before O_DIRECTORY), then unknown
 * bits in hex. An optional <em>field</em> is a masked sub-value that is an enumeration rather than
 * bits: the access mode of open flags ({@code O_RDONLY} = 0), the exit signal in the low byte of
 * clone flags, the mapping type of mmap flags.
 */
public final class FlagSet implements NameTable {

    /** Where the field's name goes: strace prints O_RDONLY first but SIGCHLD last. */
    public enum FieldAt { FIRST, LAST }

    private final String title;
    private final List<TableText.Row> flags;
    private final Map<String, Long> valueOf = new LinkedHashMap<>();
    private final long fieldMask;
    private final NameTable field;
    private final FieldAt fieldAt;
    private final boolean fieldShownWhenZero;
    private final String zeroName;
    private final LongFunction<String> falco;
    private final String straceUnknown;

    private FlagSet(Builder b) {
        this.title = b.title;
        this.flags = b.rows;
        this.fieldMask = b.fieldMask;
        this.field = b.field;
        this.fieldAt = b.fieldAt;
        this.fieldShownWhenZero = b.fieldShownWhenZero;
        this.zeroName = b.zeroName;
        this.falco = b.falco;
        this.straceUnknown = b.straceUnknown;
        for (TableText.Row r : flags) {
            if (valueOf.put(r.name(), r.value()) != null) {
                throw new IllegalStateException(title + " table: duplicate name " + r.name());
            }
        }
        if (zeroName != null) valueOf.putIfAbsent(zeroName, 0L);
    }

    /** Starts a flag set from {@code NAME VALUE} rows in rendering order. */
    public static Builder builder(String title, String rows) {
        return new Builder(title, rows);
    }

    /** A plain flag set with no field, rendered "0" when empty. */
    public static FlagSet parse(String title, String rows) {
        return builder(title, rows).build();
    }

    /** {@link #parse}, with strace's comment after a value with no named bit ({@link NameTable#straceUnknown}). */
    public static FlagSet parse(String title, String straceUnknown, String rows) {
        return builder(title, rows).unknownAs(straceUnknown).build();
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String straceUnknown() {
        return straceUnknown;
    }

    @Override
    public String render(long value) {
        return join(value, true);
    }

    @Override
    public String renderFalco(long value) {
        return falco != null ? falco.apply(value) : join(value, false);
    }

    private String join(long value, boolean withUnknownBits) {
        List<String> parts = new ArrayList<>();
        long rest = value;
        String fieldText = null;
        if (field != null) {
            long f = value & fieldMask;
            rest &= ~fieldMask;
            if (f != 0 || fieldShownWhenZero) {
                String n = field instanceof ValueNames vn ? vn.name(f) : field.render(f);
                fieldText = n != null ? n : (withUnknownBits ? "0x" + Long.toHexString(f) : null);
            }
        }
        if (fieldText != null && fieldAt == FieldAt.FIRST) parts.add(fieldText);
        for (TableText.Row r : flags) {
            long v = r.value();
            if (v != 0 && (rest & v) == v) {
                parts.add(r.name());
                rest &= ~v;
            }
        }
        if (rest != 0 && withUnknownBits) parts.add("0x" + Long.toHexString(rest));
        if (fieldText != null && fieldAt == FieldAt.LAST) parts.add(fieldText);
        if (parts.isEmpty()) {
            if (value == 0 && zeroName != null) return zeroName;
            return withUnknownBits && value != 0 ? "0x" + Long.toHexString(value) : Long.toString(value);
        }
        return String.join("|", parts);
    }

    @Override
    public OptionalLong valueOf(String name) {
        Long v = valueOf.get(name);
        if (v != null) return OptionalLong.of(v);
        return field != null ? field.valueOf(name) : OptionalLong.empty();
    }

    @Override
    public long parse(String text) {
        long v = 0;
        for (String word : text.split("\\|", -1)) {
            String w = word.strip();
            OptionalLong named = valueOf(w);
            Long n = named.isPresent() ? Long.valueOf(named.getAsLong()) : TableText.parseNumber(w);
            if (n == null) {
                throw new IllegalArgumentException("unknown " + title + " name '" + w + "' in '" + text + "'");
            }
            v |= n;
        }
        return v;
    }

    @Override
    public Map<String, Long> entries() {
        Map<String, Long> all = new LinkedHashMap<>();
        if (field != null) all.putAll(field.entries());
        all.putAll(valueOf);
        return Collections.unmodifiableMap(all);
    }

    /** The flag names in rendering order, without aliases (rows repeating an earlier value). */
    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (TableText.Row r : flags) {
            if (seen.add(r.value())) out.add(r.name());
        }
        return Collections.unmodifiableList(out);
    }

    /** Configures a flag set; used once per table at class initialisation. */
    public static final class Builder {
        private final String title;
        private final List<TableText.Row> rows;
        private long fieldMask;
        private NameTable field;
        private FieldAt fieldAt = FieldAt.FIRST;
        private boolean fieldShownWhenZero;
        private String zeroName;
        private LongFunction<String> falco;
        private String straceUnknown;

        private Builder(String title, String rows) {
            this.title = title;
            this.rows = List.copyOf(TableText.rows(title, rows));
        }

        /** The bits under {@code mask} are one value named by {@code names}. */
        public Builder field(long mask, NameTable names, FieldAt at, boolean shownWhenZero) {
            this.fieldMask = mask;
            this.field = names;
            this.fieldAt = at;
            this.fieldShownWhenZero = shownWhenZero;
            return this;
        }

        /** The name printed for 0 (F_OK, PROT_NONE) instead of "0". */
        public Builder zeroName(String name) {
            this.zeroName = name;
            return this;
        }

        /** A Falco rendering that differs from "known names only" (open flags use Falco's own order). */
        public Builder falco(LongFunction<String> renderer) {
            this.falco = renderer;
            return this;
        }

        /** strace's comment after a value with no named bit ({@link NameTable#straceUnknown}). */
        public Builder unknownAs(String label) {
            this.straceUnknown = label;
            return this;
        }

        public FlagSet build() {
            return new FlagSet(this);
        }
    }
}
