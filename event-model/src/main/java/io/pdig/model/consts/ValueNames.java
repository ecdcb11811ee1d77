package io.pdig.model.consts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An enumeration: each value has one name (the first row with that value; later rows with the
 * same value are aliases accepted by {@link #valueOf} only) and optionally a description (errno
 * messages). Unknown values render as decimal numbers, as strace does for enumerations.
 */
public final class ValueNames implements NameTable {

    private final String title;
    private final Map<Long, String> nameOf = new HashMap<>();
    private final Map<Long, String> descriptionOf = new HashMap<>();
    private final Map<String, Long> valueOf = new LinkedHashMap<>();
    private final List<String> primary = new ArrayList<>();
    private final List<TableText.Row> rows;
    private final String straceUnknown;

    private ValueNames(String title, List<TableText.Row> rows, String straceUnknown) {
        this.title = title;
        this.rows = rows;
        this.straceUnknown = straceUnknown;
        for (TableText.Row r : rows) {
            if (valueOf.put(r.name(), r.value()) != null) {
                throw new IllegalStateException(title + " table: duplicate name " + r.name());
            }
            if (nameOf.putIfAbsent(r.value(), r.name()) == null) {
                primary.add(r.name());
                if (r.description() != null) descriptionOf.put(r.value(), r.description());
            }
        }
    }

    /** Builds a table from {@code NAME VALUE [description]} rows (see {@link TableText}). */
    public static ValueNames parse(String title, String rows) {
        return new ValueNames(title, TableText.rows(title, rows), null);
    }

    /** The same table, with strace's comment for the values it does not name ({@link NameTable#straceUnknown}). */
    public ValueNames unknownAs(String label) {
        return new ValueNames(title, rows, label);
    }

    @Override
    public String straceUnknown() {
        return straceUnknown;
    }

    @Override
    public String title() {
        return title;
    }

    /** The primary name of a value, or null. */
    public String name(long value) {
        return nameOf.get(value);
    }

    /** The description column of a value, or null. */
    public String description(long value) {
        return descriptionOf.get(value);
    }

    @Override
    public String render(long value) {
        String n = nameOf.get(value);
        return n != null ? n : Long.toString(value);
    }

    @Override
    public OptionalLong valueOf(String name) {
        Long v = valueOf.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public long parse(String text) {
        String t = text.strip();
        Long v = valueOf.get(t);
        if (v == null) v = TableText.parseNumber(t);
        if (v == null) {
            throw new IllegalArgumentException("unknown " + title + " name '" + t + "'");
        }
        return v;
    }

    @Override
    public Map<String, Long> entries() {
        return Collections.unmodifiableMap(valueOf);
    }

    @Override
    public List<String> names() {
        return Collections.unmodifiableList(primary);
    }
}
