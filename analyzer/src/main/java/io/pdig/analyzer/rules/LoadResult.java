package io.pdig.analyzer.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of loading one or more rules files: the compiled rules (in load order, disabled ones
 * included), macros and lists, and every error and warning with its position. When any error
 * occurred the rules may be incomplete and must not be used for detection.
 *
 * <p>{@code emptyFiles} are the files that were read but hold no rule, macro or list item (empty,
 * only comments, or only a version requirement): almost always a mistake (a wrong path, an
 * unsaved file), so callers warn about them; they are not load messages because Falco has no
 * result code for them and they do not change what is loaded.
 */
public record LoadResult(List<String> files, List<Rule> rules, List<MacroDef> macros, List<ListDef> lists,
                         List<LoadMessage> messages, List<String> emptyFiles) {

    public LoadResult {
        files = List.copyOf(files);
        rules = List.copyOf(rules);
        macros = List.copyOf(macros);
        lists = List.copyOf(lists);
        messages = List.copyOf(messages);
        emptyFiles = List.copyOf(emptyFiles);
    }

    public List<LoadMessage> errors() {
        List<LoadMessage> out = new ArrayList<>();
        for (LoadMessage m : messages) {
            if (m.isError()) out.add(m);
        }
        return out;
    }

    public List<LoadMessage> warnings() {
        List<LoadMessage> out = new ArrayList<>();
        for (LoadMessage m : messages) {
            if (!m.isError()) out.add(m);
        }
        return out;
    }

    public boolean hasErrors() {
        for (LoadMessage m : messages) {
            if (m.isError()) return true;
        }
        return false;
    }

    /** The rule with this name, or null. */
    public Rule rule(String name) {
        for (Rule r : rules) {
            if (r.name().equals(name)) return r;
        }
        return null;
    }

    public MacroDef macro(String name) {
        for (MacroDef m : macros) {
            if (m.name().equals(name)) return m;
        }
        return null;
    }

    public ListDef list(String name) {
        for (ListDef l : lists) {
            if (l.name().equals(name)) return l;
        }
        return null;
    }

    /** e.g. {@code 25 rules, 87 macros, 49 lists loaded} or {@code ... loaded with 1 error, 2 warnings}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(rules.size()).append(rules.size() == 1 ? " rule, " : " rules, ")
                .append(macros.size()).append(macros.size() == 1 ? " macro, " : " macros, ")
                .append(lists.size()).append(lists.size() == 1 ? " list loaded" : " lists loaded");
        int e = errors().size();
        int w = messages.size() - e;
        if (e > 0 || w > 0) {
            sb.append(" (").append(e).append(e == 1 ? " error, " : " errors, ")
                    .append(w).append(w == 1 ? " warning)" : " warnings)");
        }
        return sb.toString();
    }
}
