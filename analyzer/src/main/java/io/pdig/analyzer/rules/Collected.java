package io.pdig.analyzer.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the read stage collects from all files, before compilation: lists, macros and rules by
 * name in first-definition order (a redefinition replaces the content but keeps the place, as
 * Falco's indexed_vector does). {@code index} is the global item counter at first definition,
 * {@code visibility} the counter at the latest (re)definition: a list or macro may only use lists or
 * macros whose index is lower than its visibility. Confined to the loading thread.
 */
final class Collected {
    final LinkedHashMap<String, ListInfo> lists = new LinkedHashMap<>();
    final LinkedHashMap<String, MacroInfo> macros = new LinkedHashMap<>();
    final LinkedHashMap<String, RuleInfo> rules = new LinkedHashMap<>();
    int counter;

    static final class ListInfo {
        String name;
        List<String> items = new ArrayList<>();
        int index;
        int visibility;
        Location location;
    }

    static final class MacroInfo {
        String name;
        SourceText cond;
        int index;
        int visibility;
        Location location;
    }

    /** One value of an exception: a scalar, or a list of values (for lists inside a tuple). */
    record ExValue(String item, List<ExValue> items, boolean isList) {
        static ExValue scalar(String s) {
            return new ExValue(s, List.of(), false);
        }
    }

    static final class ExceptionInfo {
        String name;
        /** null when the exception (in an append) has no fields. */
        ExValue fields;
        ExValue comps;
        List<ExValue> values = new ArrayList<>();
        Location location;
    }

    static final class RuleInfo {
        String name;
        SourceText cond;
        SourceText output;
        String desc;
        Priority priority;
        Location priorityLocation;
        String source = "syscall";
        boolean sourceExplicit;
        boolean enabled = true;
        Set<String> tags = new TreeSet<>();
        List<ExceptionInfo> exceptions = new ArrayList<>();
        boolean warnEvttypes = true;
        boolean skipIfUnknownFilter;
        boolean capture;
        long captureDuration;
        boolean unknownSource;
        int index;
        Location location;
        SourceFile file;
    }
}
