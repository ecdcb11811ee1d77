package io.pdig.analyzer.fields;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every field pdig knows, each declared once (name, type, description, extractor) by its field
 * class ({@link EvtFields}, {@link ProcFields}, {@link ThreadFields}, {@link FdFields},
 * {@link UserFields}, {@link ContainerFields}). Immutable after construction; share freely.
 *
 * <p>Fields that a ptrace tracer cannot know are still declared (rule files referencing them must
 * load, as in Falco) and extract to null ("no value").
 */
public final class FieldRegistry implements FieldLookup {
    private static final String[] DOTTED_ARG_FIELDS = {"evt.arg", "evt.rawarg"};
    private static final FieldRegistry STANDARD = build();

    private final Map<String, FieldDef> byName;

    private FieldRegistry(Map<String, FieldDef> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The registry with all of pdig's fields. */
    public static FieldRegistry standard() {
        return STANDARD;
    }

    /** All fields in declaration order (grouped by class: evt, proc, thread, fd, user, group, container, k8s). */
    public Collection<FieldDef> all() {
        return byName.values();
    }

    @Override
    public FieldDef lookup(String name) {
        FieldDef f = byName.get(name);
        if (f != null) {
            return f;
        }
        String[] split = splitDottedArgument(name);
        return split[1] != null ? byName.get(split[0]) : null;
    }

    @Override
    public String[] splitDottedArgument(String name) {
        for (String base : DOTTED_ARG_FIELDS) {
            if (name.length() > base.length() + 1 && name.startsWith(base) && name.charAt(base.length()) == '.') {
                return new String[] {base, name.substring(base.length() + 1)};
            }
        }
        return new String[] {name, null};
    }

    private static FieldRegistry build() {
        Builder b = new Builder();
        EvtFields.register(b);
        ProcFields.register(b);
        ThreadFields.register(b);
        FdFields.register(b);
        UserFields.register(b);
        ContainerFields.register(b);
        return new FieldRegistry(b.fields);
    }

    /** Collects declarations; rejects a name declared twice (each field is declared once). */
    static final class Builder {
        private final Map<String, FieldDef> fields = new LinkedHashMap<>();

        void add(Field f) {
            put(f);
        }

        private void put(FieldDef f) {
            if (fields.put(f.name(), f) != null) {
                throw new IllegalStateException("field declared twice: " + f.name());
            }
        }

        /** A plain field without argument. */
        void plain(String name, FieldType type, String description, Field.Extractor e) {
            add(new Field(name, type, FieldArg.NONE, false, description, e, null, null));
        }

        /** A field with an argument kind. */
        void withArg(String name, FieldType type, FieldArg arg, String description, Field.Extractor e) {
            add(new Field(name, type, arg, false, description, e, null, null));
        }

        /** An ancestor field: without index, a list of ancestors matched element-wise (any). */
        void ancestors(String name, FieldType type, String description, Field.Extractor e) {
            Predicate<String> noIndex = a -> a == null;
            add(new Field(name, type, FieldArg.OPTIONAL_INDEX, false, description, e, noIndex, null));
        }

        /**
         * A field with memory per place of use ({@link FieldDef#forOneUse()}): {@code extractors}
         * makes the extractor of each place (and of the registry's own instance).
         */
        void perUse(String name, FieldType type, String description, Supplier<Field.Extractor> extractors) {
            put(new PerUseField(name, type, description, extractors));
        }

        /** A field that no tracer event can give a value: declared so rules load, always null. */
        void noValue(String name, FieldType type, FieldArg arg, String description) {
            add(new Field(name, type, arg, false, description + " (pdig: no value)", (c, a) -> null, null, null));
        }
    }
}
