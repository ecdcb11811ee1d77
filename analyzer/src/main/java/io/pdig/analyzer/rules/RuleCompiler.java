package io.pdig.analyzer.rules;

import io.pdig.analyzer.fields.FieldLookup;
import io.pdig.analyzer.filter.Ast;
import io.pdig.analyzer.filter.EventTypeSet;
import io.pdig.analyzer.filter.Evaluator;
import io.pdig.analyzer.filter.FilterCompiler;
import io.pdig.analyzer.filter.FilterException;
import io.pdig.analyzer.filter.FilterParser;
import io.pdig.analyzer.filter.MacroResolver;
import io.pdig.analyzer.filter.Pos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stage 3 of loading, over everything collected from all files, in Falco's order: flatten lists
 * (a list may use lists defined before it), substitute lists textually into every macro and rule
 * condition, parse, substitute macros on the AST (a macro sees only macros defined before it, a
 * rule sees all), compile conditions and outputs, derive each rule's event-type set. The first
 * error stops compilation (thrown as {@link LoadError}); warnings go to the message list.
 */
final class RuleCompiler {
    /** Above this many event types a rule is reported as unrestricted (LOAD_NO_EVTTYPE). */
    static final int MAX_EVTTYPES = 100;
    private static final Set<String> DEPRECATED_FIELDS = Set.of("evt.dir", "evt.latency", "evt.latency.s",
            "evt.latency.ns", "evt.latency.human", "evt.wait_latency");

    private final Collected col;
    private final FieldLookup fields;
    private final List<LoadMessage> messages;
    private final FilterCompiler filterCompiler;
    private final Map<String, List<String>> listItems = new LinkedHashMap<>();
    private final Set<String> usedLists = new HashSet<>();
    private final Set<String> usedMacros = new HashSet<>();
    private final Map<String, Ast> resolvedMacros = new HashMap<>();
    /**
     * Output formats by their text: rules with the same output share one, as Falco's formatter
     * cache shares one formatter per text (which is where evt.deltatime keeps its memory).
     */
    private final Map<String, OutputFormat> outputs = new HashMap<>();
    /** Each macro's condition text with its origin, in definition order (see {@link #locate}). */
    private final Map<String, SourceText> macroTexts = new LinkedHashMap<>();

    final List<ListDef> lists = new ArrayList<>();
    final List<MacroDef> macros = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();

    RuleCompiler(Collected col, FieldLookup fields, List<LoadMessage> messages) {
        this.col = col;
        this.fields = fields;
        this.messages = messages;
        this.filterCompiler = new FilterCompiler(fields);
    }

    void compile() {
        compileLists();
        for (Collected.ListInfo l : col.lists.values()) {
            lists.add(new ListDef(l.name, List.copyOf(listItems.get(l.name)), false, l.location));
        }
        compileMacros();
        compileRules();
        // Only a complete compilation knows what is unused.
        for (int i = 0; i < lists.size(); i++) {
            ListDef l = lists.get(i);
            boolean used = usedLists.contains(l.name());
            lists.set(i, new ListDef(l.name(), l.items(), used, l.location()));
            if (!used) {
                messages.add(new LoadMessage(LoadCode.LOAD_UNUSED_LIST, l.location(),
                        "List not referred to by any other rule/macro", "list '" + l.name() + "'"));
            }
        }
        for (int i = 0; i < macros.size(); i++) {
            MacroDef m = macros.get(i);
            boolean used = usedMacros.contains(m.name());
            macros.set(i, new MacroDef(m.name(), m.condition(), m.ast(), used, m.location()));
            if (!used) {
                messages.add(new LoadMessage(LoadCode.LOAD_UNUSED_MACRO, m.location(),
                        "Macro not referred to by any other rule/macro", "macro '" + m.name() + "'"));
            }
        }
    }

    private void compileLists() {
        for (Collected.ListInfo l : col.lists.values()) {
            List<String> out = new ArrayList<>();
            for (String item : l.items) {
                Collected.ListInfo ref = col.lists.get(item);
                if (ref != null && ref.index < l.visibility && listItems.containsKey(item)) {
                    usedLists.add(item);
                    out.addAll(listItems.get(item));
                } else {
                    out.add(item);
                }
            }
            listItems.put(l.name, out);
        }
    }

    private void compileMacros() {
        Map<String, Ast> parsed = new LinkedHashMap<>();
        Map<String, SourceText> texts = new HashMap<>();
        for (Collected.MacroInfo m : col.macros.values()) {
            String item = "macro '" + m.name + "'";
            SourceText text = substituteLists(m.cond);
            texts.put(m.name, text);
            macroTexts.put(m.name, text);
            parsed.put(m.name, parse(text, item));
        }
        for (Collected.MacroInfo m : col.macros.values()) {
            String item = "macro '" + m.name + "'";
            SourceText text = texts.get(m.name);
            int visibility = m.visibility;
            String self = m.name;
            Ast ast;
            try {
                ast = MacroResolver.resolve(parsed.get(m.name), name -> {
                    Collected.MacroInfo ref = col.macros.get(name);
                    if (ref == null || ref.index >= visibility) return null;
                    Ast r = resolvedMacros.get(name);
                    if (r == null || name.equals(self)) {
                        throw new FilterException("reference loop in macro '" + name + "'", Pos.START);
                    }
                    return r;
                }, usedMacros);
            } catch (FilterException e) {
                throw new LoadError(LoadCode.LOAD_ERR_VALIDATE, text.origin().locate(e.pos().offset()), e.getMessage(), item);
            }
            resolvedMacros.put(m.name, ast);
            macros.add(new MacroDef(m.name, m.cond.text(), ast, false, m.location));
        }
    }

    private void compileRules() {
        for (Collected.RuleInfo r : col.rules.values()) {
            if (r.unknownSource) continue;
            String item = "rule '" + r.name + "'";
            SourceText cond = r.cond;
            Set<String> exceptionFields = new TreeSet<>();
            if (!r.exceptions.isEmpty()) {
                cond = ExceptionTranslator.translate(cond, r.exceptions, exceptionFields, item);
            }
            SourceText text = substituteLists(cond);
            Ast ast = parse(text, item);
            try {
                ast = MacroResolver.resolve(ast, resolvedMacros::get, usedMacros);
            } catch (FilterException e) {
                throw new LoadError(LoadCode.LOAD_ERR_VALIDATE, text.origin().locate(e.pos().offset()), e.getMessage(), item);
            }
            deprecatedFields(ast, text, item);
            Evaluator evaluator;
            try {
                evaluator = filterCompiler.compile(ast);
            } catch (FilterException e) {
                Location where = locate(e, ast, text);
                if (e.unknownFilter() && r.skipIfUnknownFilter) {
                    messages.add(new LoadMessage(LoadCode.LOAD_UNKNOWN_FILTER, where, e.getMessage(), item));
                    continue;
                }
                throw new LoadError(LoadCode.LOAD_ERR_COMPILE_CONDITION, where, e.getMessage(), item);
            }
            String out = r.output.text();
            if (out.contains("%container.info")) {
                messages.add(new LoadMessage(LoadCode.LOAD_DEPRECATED_ITEM, r.output.origin().locate(out.indexOf("%container.info")),
                        "%container.info is deprecated and replaced by an empty string", item));
                out = out.replace("%container.info", "").trim();
            }
            for (String f : DEPRECATED_FIELDS) {
                int at = out.indexOf("%" + f);
                if (at >= 0) {
                    messages.add(new LoadMessage(LoadCode.LOAD_DEPRECATED_ITEM, r.output.origin().locate(at),
                            "usage of deprecated field '" + f + "' has been detected in the rule output", item));
                }
            }
            OutputFormat output = outputs.get(out);
            try {
                if (output == null) {
                    output = OutputFormat.parse(out, fields);
                    outputs.put(out, output);
                }
            } catch (FilterException e) {
                Location where = r.output.origin().locate(e.pos().offset());
                if (e.unknownFilter() && r.skipIfUnknownFilter) {
                    messages.add(new LoadMessage(LoadCode.LOAD_UNKNOWN_FILTER, where, e.getMessage(), item));
                    continue;
                }
                throw new LoadError(LoadCode.LOAD_ERR_COMPILE_OUTPUT, where, e.getMessage(), item);
            }
            EventTypeSet types = EventTypeSet.of(ast);
            if (r.warnEvttypes && types.size() > MAX_EVTTYPES) {
                messages.add(new LoadMessage(LoadCode.LOAD_NO_EVTTYPE, r.location,
                        "Rule matches too many evt.type values. This has a significant performance penalty.", item));
            }
            rules.add(new Rule(r.name, r.desc, cond.text(), ast, evaluator, output, r.priority, r.source, r.enabled,
                    java.util.Collections.unmodifiableSet(new TreeSet<>(r.tags)), types,
                    java.util.Collections.unmodifiableSet(exceptionFields), r.warnEvttypes, r.capture,
                    r.captureDuration, r.index, r.location));
        }
    }

    /**
     * Where a compile error of a rule's condition is. The rule's AST holds its macros' ASTs as they
     * are (substitution shares them), and their positions are offsets into the macro's own text,
     * not the rule's: an error inside a macro must be located in the macro. The macro is the
     * first, in definition order (a macro can use only earlier ones, so the innermost comes first),
     * whose AST is part of the rule's and fails alone with the same message at the same offset.
     */
    private Location locate(FilterException e, Ast ruleAst, SourceText ruleText) {
        for (Map.Entry<String, SourceText> m : macroTexts.entrySet()) {
            Ast macroAst = resolvedMacros.get(m.getKey());
            if (macroAst == null || !contains(ruleAst, macroAst)) continue;
            try {
                filterCompiler.compile(macroAst);
            } catch (FilterException alone) {
                if (alone.pos().offset() == e.pos().offset() && String.valueOf(alone.getMessage()).equals(e.getMessage())) {
                    return m.getValue().origin().locate(e.pos().offset());
                }
            }
        }
        return ruleText.origin().locate(e.pos().offset());
    }

    /** Whether {@code part} is (the very object) {@code whole} or one of its subtrees. */
    private static boolean contains(Ast whole, Ast part) {
        if (whole == part) return true;
        if (whole instanceof Ast.And a) return a.children().stream().anyMatch(c -> contains(c, part));
        if (whole instanceof Ast.Or o) return o.children().stream().anyMatch(c -> contains(c, part));
        if (whole instanceof Ast.Not n) return contains(n.child(), part);
        return false;
    }

    private Ast parse(SourceText text, String item) {
        try {
            return FilterParser.parse(text.text());
        } catch (FilterException e) {
            throw new LoadError(LoadCode.LOAD_ERR_COMPILE_CONDITION, text.origin().locate(e.pos().offset()),
                    e.getMessage(), item);
        }
    }

    /** Applies every list, in definition order, keeping the origin of each character. */
    private SourceText substituteLists(SourceText in) {
        String text = in.text();
        TextOrigin origin = in.origin();
        for (Map.Entry<String, List<String>> l : listItems.entrySet()) {
            if (text.indexOf(l.getKey()) < 0) continue;
            ListSubstitution.Result r = ListSubstitution.substitute(text, l.getKey(), l.getValue());
            if (r != null) {
                usedLists.add(l.getKey());
                text = r.text();
                origin = new TextOrigin.Mapped(r.map(), origin);
            }
        }
        return new SourceText(text, origin);
    }

    private void deprecatedFields(Ast ast, SourceText text, String item) {
        if (ast instanceof Ast.And a) {
            for (Ast c : a.children()) deprecatedFields(c, text, item);
        } else if (ast instanceof Ast.Or o) {
            for (Ast c : o.children()) deprecatedFields(c, text, item);
        } else if (ast instanceof Ast.Not n) {
            deprecatedFields(n.child(), text, item);
        } else if (ast instanceof Ast.Check c && c.lhs() instanceof Ast.FieldRef f && DEPRECATED_FIELDS.contains(f.name())) {
            messages.add(new LoadMessage(LoadCode.LOAD_DEPRECATED_ITEM, text.origin().locate(c.pos().offset()),
                    "usage of deprecated field '" + f.name() + "' has been detected in the rule condition", item));
        }
    }
}
