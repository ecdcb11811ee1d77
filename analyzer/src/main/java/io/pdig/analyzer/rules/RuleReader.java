package io.pdig.analyzer.rules;

import io.pdig.analyzer.fields.FieldLookup;
import io.pdig.analyzer.filter.ValueTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stage 1 and 2 of loading one file: reads the YAML items with their positions, validates their
 * structure and collects them (define, append, override, enable) into the shared {@link Collected}.
 * Throws {@link LoadError} at the first error, which aborts the file; warnings go to the list.
 */
final class RuleReader {
    private static final Set<String> LIST_KEYS = Set.of("list", "items", "append", "override");
    private static final Set<String> MACRO_KEYS = Set.of("macro", "condition", "append", "override");
    private static final Set<String> RULE_KEYS = Set.of("rule", "condition", "output", "desc", "priority", "source",
            "enabled", "capture", "capture_duration", "warn_evttypes", "skip-if-unknown-filter", "tags", "exceptions",
            "override", "append");
    private static final Set<String> RULE_APPENDABLE = Set.of("condition", "output", "desc", "tags", "exceptions");
    private static final Set<String> RULE_REPLACEABLE = Set.of("condition", "output", "desc", "priority", "capture",
            "capture_duration", "tags", "exceptions", "enabled", "warn_evttypes", "skip-if-unknown-filter");
    private static final Set<String> EXCEPTION_OPS = Set.of("=", "==", "!=", "<", "<=", ">", ">=", "contains",
            "icontains", "bcontains", "startswith", "bstartswith", "endswith", "glob", "iglob", "regex", "in",
            "intersects", "pmatch", "exists");
    private static final Pattern LIST_NAME = Pattern.compile("[^()\"'\\s=,]+");
    private static final Pattern MACRO_NAME = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    static final Set<String> KNOWN_SOURCES = Set.of("syscall");

    private final SourceFile file;
    private final Collected col;
    private final List<LoadMessage> warnings;
    private final FieldLookup fields;
    private String item;

    RuleReader(SourceFile file, Collected col, List<LoadMessage> warnings, FieldLookup fields) {
        this.file = file;
        this.col = col;
        this.warnings = warnings;
        this.fields = fields;
    }

    /**
     * Reads the file's items into the collection.
     *
     * @return how many rule, macro and list items the file has (0: the file is empty, only
     *         comments, or holds nothing that defines or changes a rule, macro or list)
     */
    int read() {
        int items = 0;
        List<YamlNode> docs;
        try {
            docs = YamlReader.readAll(file.content);
        } catch (YamlReader.YamlException e) {
            throw new LoadError(LoadCode.LOAD_ERR_YAML_PARSE, new Location(file.name, e.line(), e.col()),
                    e.getMessage(), null);
        }
        for (YamlNode doc : docs) {
            if (doc instanceof YamlNode.Scalar s && s.isNull()) continue;
            if (doc instanceof YamlNode.Scalar) {
                throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, doc, "Rules content is not yaml");
            }
            if (!(doc instanceof YamlNode.Seq seq)) {
                throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, doc, "Rules content is not yaml array of objects");
            }
            for (YamlNode n : seq.items()) {
                if (n instanceof YamlNode.Scalar s && s.isNull()) continue;
                if (!(n instanceof YamlNode.Map m)) {
                    throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n,
                            "Unexpected element type. Each element should be a yaml associative array.");
                }
                item = null;
                if (readItem(m)) items++;
            }
        }
        return items;
    }

    /** Reads one item; true when it is a list, macro or rule (not a version check or unknown item). */
    private boolean readItem(YamlNode.Map m) {
        if (m.has("required_engine_version")) {
            item = "required_engine_version";
            readEngineVersion(m.get("required_engine_version"));
        } else if (m.has("required_plugin_versions")) {
            item = "required plugin versions";
            readPluginVersions(m.get("required_plugin_versions"));
        } else if (m.has("list")) {
            readList(m);
            return true;
        } else if (m.has("macro")) {
            readMacro(m);
            return true;
        } else if (m.has("rule")) {
            readRule(m);
            return true;
        } else {
            warn(LoadCode.LOAD_UNKNOWN_ITEM, m, "Unknown top level item");
        }
        return false;
    }

    // ---- versions ---------------------------------------------------------------------------

    private void readEngineVersion(YamlNode n) {
        String v = scalar(n, "required_engine_version");
        EngineVersion req;
        if (v.matches("\\d+")) {
            req = new EngineVersion(0, Integer.parseInt(v), EngineVersion.ENGINE.patch());
        } else {
            req = EngineVersion.parse(v);
            if (req == null) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, n, "Unable to parse engine version '" + v
                        + "' as a semver string. Expected \"x.y.z\" semver format.");
            }
        }
        if (!EngineVersion.ENGINE.satisfies(req)) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, n, "Rules require engine version " + req
                    + ", but engine version is " + EngineVersion.ENGINE);
        }
    }

    private void readPluginVersions(YamlNode n) {
        if (!(n instanceof YamlNode.Seq seq)) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, n, "Value of required_plugin_versions must be a sequence");
        }
        for (YamlNode e : seq.items()) {
            if (!(e instanceof YamlNode.Map pm)) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, e, "Plugin version must be a mapping");
            }
            List<String[]> alternatives = new ArrayList<>();
            alternatives.add(pluginRequirement(pm));
            YamlNode alts = pm.get("alternatives");
            if (alts != null) {
                if (!(alts instanceof YamlNode.Seq as)) {
                    throw error(LoadCode.LOAD_ERR_VALIDATE, alts, "Value of alternatives must be a sequence");
                }
                for (YamlNode a : as.items()) {
                    if (!(a instanceof YamlNode.Map am)) {
                        throw error(LoadCode.LOAD_ERR_VALIDATE, a, "Plugin version must be a mapping");
                    }
                    String[] req = pluginRequirement(am);
                    for (String[] prev : alternatives) {
                        if (prev[0].equals(req[0])) {
                            throw error(LoadCode.LOAD_ERR_VALIDATE, a,
                                    "Defined multiple alternative version requirements for plugin '" + req[0] + "'");
                        }
                    }
                    alternatives.add(req);
                }
            }
            boolean ok = false;
            StringBuilder names = new StringBuilder();
            for (String[] req : alternatives) {
                if (names.length() > 0) names.append(", ");
                names.append(req[0]).append(" (>= ").append(req[1]).append(')');
                if (req[0].equals("container")
                        && EngineVersion.CONTAINER_PLUGIN.satisfies(EngineVersion.parse(req[1]))) {
                    ok = true;
                }
            }
            if (!ok) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, e, "Plugin requirement not satisfied, must load one of: " + names);
            }
        }
    }

    private String[] pluginRequirement(YamlNode.Map m) {
        String name = requiredScalar(m, "name");
        String version = requiredScalar(m, "version");
        if (EngineVersion.parse(version) == null) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, m.get("version"),
                    "Invalid required version '" + version + "' for plugin '" + name + "'");
        }
        return new String[] {name, version};
    }

    // ---- lists ------------------------------------------------------------------------------

    private void readList(YamlNode.Map m) {
        String name = requiredScalar(m, "list");
        item = "list '" + name + "'";
        unknownKeys(m, LIST_KEYS);
        if (!LIST_NAME.matcher(name).matches()) {
            warn(LoadCode.LOAD_INVALID_LIST_NAME, m.get("list"), "List has an invalid name. List names should match a regular expression: [^()\"'[:space:]=,]+");
        }
        YamlNode itemsNode = m.get("items");
        if (itemsNode == null) throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, m, "Item has no mapping for key 'items'");
        List<String> items = new ArrayList<>();
        if (!(itemsNode instanceof YamlNode.Seq s)) {
            if (itemsNode instanceof YamlNode.Scalar sc && sc.isNull()) {
                // "items:" with nothing is an empty list.
            } else {
                throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, itemsNode, "Value of 'items' must be a sequence");
            }
        } else {
            for (YamlNode i : s.items()) {
                items.add(scalar(i, "list item"));
            }
        }
        boolean append = isAppend(m, "items", Set.of("items"));
        Collected.ListInfo prev = col.lists.get(name);
        int counter = col.counter++;
        if (append) {
            if (prev == null) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, m,
                        "List uses 'append' or 'override.items: append' but no list by that name already exists");
            }
            if (items.isEmpty()) warn(LoadCode.LOAD_APPEND_NO_VALUES, m, "Overriding/appending list with no values");
            prev.items.addAll(items);
            return;
        }
        Collected.ListInfo li = prev != null ? prev : new Collected.ListInfo();
        if (prev == null) {
            li.index = counter;
            col.lists.put(name, li);
        }
        li.name = name;
        li.items = items;
        li.visibility = counter;
        li.location = file.at(m);
    }

    // ---- macros -----------------------------------------------------------------------------

    private void readMacro(YamlNode.Map m) {
        String name = requiredScalar(m, "macro");
        item = "macro '" + name + "'";
        unknownKeys(m, MACRO_KEYS);
        if (!MACRO_NAME.matcher(name).matches()) {
            warn(LoadCode.LOAD_INVALID_MACRO_NAME, m.get("macro"),
                    "Macro has an invalid name. Macro names should match a regular expression: [a-zA-Z]+[a-zA-Z0-9_]*");
        }
        YamlNode condNode = m.get("condition");
        if (condNode == null) throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, m, "Item has no mapping for key 'condition'");
        SourceText cond = text(condNode, "condition");
        boolean append = isAppend(m, "condition", Set.of("condition"));
        Collected.MacroInfo prev = col.macros.get(name);
        int counter = col.counter++;
        if (append) {
            if (prev == null) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, m,
                        "Macro uses 'append' or 'override.condition: append' but no macro by that name already exists");
            }
            prev.cond = prev.cond.append(" ", cond);
            return;
        }
        Collected.MacroInfo mi = prev != null ? prev : new Collected.MacroInfo();
        if (prev == null) {
            mi.index = counter;
            col.macros.put(name, mi);
        }
        mi.name = name;
        mi.cond = cond;
        mi.visibility = counter;
        mi.location = file.at(m);
    }

    /**
     * For lists and macros: true when the item appends ({@code append: true}, deprecated, or
     * {@code override: {key: append}}); validates the override map.
     */
    private boolean isAppend(YamlNode.Map m, String key, Set<String> overridable) {
        boolean appendFlag = m.has("append") && bool(m.get("append"), "append");
        YamlNode ov = m.get("override");
        if (appendFlag && ov != null) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, m, "Keys 'override' and 'append: true' cannot be used together.");
        }
        if (appendFlag) {
            warn(LoadCode.LOAD_DEPRECATED_ITEM, m.get("append"), "The 'append' key is deprecated. "
                    + "Use 'override' with 'append' or 'replace' instead.");
            return true;
        }
        if (ov == null) return false;
        if (!(ov instanceof YamlNode.Map om)) throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, ov, "Value of 'override' must be a mapping");
        boolean append = false;
        for (Map.Entry<String, YamlNode.Entry> e : om.entries().entrySet()) {
            String op = scalar(e.getValue().value(), "override");
            if (!overridable.contains(e.getKey())) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, e.getValue().keyNode(), "Key '" + e.getKey() + "' cannot be overridden");
            }
            if (!op.equals("append") && !op.equals("replace")) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, e.getValue().value(), "Invalid override operation for key '"
                        + e.getKey() + "': '" + op + "'. Allowed values are: append replace ");
            }
            append |= op.equals("append") && e.getKey().equals(key);
        }
        return append;
    }

    // ---- rules ------------------------------------------------------------------------------

    private void readRule(YamlNode.Map m) {
        String name = requiredScalar(m, "rule");
        item = "rule '" + name + "'";
        unknownKeys(m, RULE_KEYS);
        boolean appendFlag = m.has("append") && bool(m.get("append"), "append");
        YamlNode ov = m.get("override");
        if (appendFlag && ov != null) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, m, "Keys 'override' and 'append: true' cannot be used together.");
        }
        Collected.RuleInfo prev = col.rules.get(name);
        col.counter++;
        if (ov != null) {
            overrideRule(m, ov, prev);
        } else if (appendFlag) {
            warn(LoadCode.LOAD_DEPRECATED_ITEM, m.get("append"), "The 'append' key is deprecated. "
                    + "Use 'override' with 'append' or 'replace' instead.");
            if (prev == null) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, m,
                        "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists");
            }
            if (!m.has("condition") && !m.has("exceptions")) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, m, "Appended rule must have exceptions or condition property");
            }
            if (m.has("condition")) prev.cond = prev.cond.append(" ", text(m.get("condition"), "condition"));
            if (m.has("exceptions")) appendExceptions(prev, readExceptions(m.get("exceptions"), false));
        } else if (!m.has("condition") && !m.has("output") && !m.has("desc") && !m.has("priority")) {
            YamlNode en = m.get("enabled");
            if (en == null) throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, m, "Item has no mapping for key 'enabled'");
            warn(LoadCode.LOAD_DEPRECATED_ITEM, en, "The standalone 'enabled' key usage is deprecated. "
                    + "The correct approach requires also a 'replace' entry in the 'override' key (i.e. {enabled: replace}).");
            if (prev == null) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, m, "Rule has 'enabled' key but no rule by that name already exists");
            }
            prev.enabled = bool(en, "enabled");
        } else {
            defineRule(name, m, prev);
        }
    }

    private void defineRule(String name, YamlNode.Map m, Collected.RuleInfo prev) {
        Collected.RuleInfo r = new Collected.RuleInfo();
        r.name = name;
        r.location = file.at(m);
        r.file = file;
        for (String k : new String[] {"condition", "output", "desc", "priority"}) {
            if (!m.has(k)) throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, m, "Item has no mapping for key '" + k + "'");
        }
        r.cond = text(m.get("condition"), "condition");
        r.output = trimmed(text(m.get("output"), "output"));
        r.desc = scalar(m.get("desc"), "desc");
        r.priority = priority(m.get("priority"));
        r.priorityLocation = file.at(m.get("priority"));
        if (m.has("source")) {
            r.source = scalar(m.get("source"), "source");
            r.sourceExplicit = true;
        }
        if (m.has("enabled")) r.enabled = bool(m.get("enabled"), "enabled");
        if (m.has("tags")) r.tags = tags(m.get("tags"));
        if (m.has("warn_evttypes")) r.warnEvttypes = bool(m.get("warn_evttypes"), "warn_evttypes");
        if (m.has("skip-if-unknown-filter")) {
            r.skipIfUnknownFilter = bool(m.get("skip-if-unknown-filter"), "skip-if-unknown-filter");
        }
        if (m.has("capture")) r.capture = bool(m.get("capture"), "capture");
        if (m.has("capture_duration")) r.captureDuration = integer(m.get("capture_duration"), "capture_duration");
        if (m.has("exceptions")) r.exceptions = readExceptions(m.get("exceptions"), true);
        if (prev != null && r.sourceExplicit && !prev.source.equals(r.source)) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, m, "Rule has been re-defined with a different source");
        }
        if (!KNOWN_SOURCES.contains(r.source)) {
            r.unknownSource = true;
            warn(LoadCode.LOAD_UNKNOWN_SOURCE, m.has("source") ? m.get("source") : m, "Unknown source " + r.source + ", skipping");
        }
        r.index = prev != null ? prev.index : col.counter - 1;
        // Replacing keeps the rule's place in load order (Falco's indexed_vector).
        col.rules.put(name, r);
    }

    private void overrideRule(YamlNode.Map m, YamlNode ov, Collected.RuleInfo prev) {
        if (!(ov instanceof YamlNode.Map om)) {
            throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, ov, "Value of 'override' must be a mapping");
        }
        List<String> appends = new ArrayList<>();
        List<String> replaces = new ArrayList<>();
        for (Map.Entry<String, YamlNode.Entry> e : om.entries().entrySet()) {
            String k = e.getKey();
            String op = scalar(e.getValue().value(), "override");
            if (op.equals("append")) {
                if (!RULE_APPENDABLE.contains(k)) {
                    throw error(LoadCode.LOAD_ERR_VALIDATE, e.getValue().value(),
                            "Key '" + k + "' cannot be appended to, use 'replace' instead");
                }
                appends.add(k);
            } else if (op.equals("replace")) {
                if (!RULE_REPLACEABLE.contains(k)) {
                    throw error(LoadCode.LOAD_ERR_VALIDATE, e.getValue().value(), "Key '" + k + "' cannot be replaced");
                }
                replaces.add(k);
            } else {
                throw error(LoadCode.LOAD_ERR_VALIDATE, e.getValue().value(), "Invalid override operation for key '"
                        + k + "': '" + op + "'. Allowed values are: append replace ");
            }
            if (!m.has(k)) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, e.getValue().keyNode(), "An " + op + " override for '" + k
                        + "' was specified but '" + k + "' is not defined");
            }
        }
        for (String k : m.entries().keySet()) {
            if (k.equals("rule") || k.equals("override") || !RULE_KEYS.contains(k)) continue;
            if (!om.has(k)) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, m.entries().get(k).keyNode(),
                        "Unexpected key '" + k + "': no corresponding entry under 'override' is defined.");
            }
        }
        if (prev == null) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, m, !appends.isEmpty()
                    ? "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists"
                    : "An replace to a rule was requested but no rule by that name already exists");
        }
        for (String k : appends) {
            YamlNode v = m.get(k);
            switch (k) {
                case "condition" -> prev.cond = prev.cond.append(" ", text(v, k));
                case "output" -> prev.output = trimmed(prev.output.append(" ", text(v, k)));
                case "desc" -> prev.desc = prev.desc + " " + scalar(v, k);
                case "tags" -> prev.tags.addAll(tags(v));
                case "exceptions" -> appendExceptions(prev, readExceptions(v, false));
                default -> throw new IllegalStateException(k);
            }
        }
        for (String k : replaces) {
            YamlNode v = m.get(k);
            switch (k) {
                case "condition" -> prev.cond = text(v, k);
                case "output" -> prev.output = trimmed(text(v, k));
                case "desc" -> prev.desc = scalar(v, k);
                case "priority" -> {
                    prev.priority = priority(v);
                    prev.priorityLocation = file.at(v);
                }
                case "capture" -> prev.capture = bool(v, k);
                case "capture_duration" -> prev.captureDuration = integer(v, k);
                case "tags" -> prev.tags = tags(v);
                case "exceptions" -> prev.exceptions = readExceptions(v, true);
                case "enabled" -> prev.enabled = bool(v, k);
                case "warn_evttypes" -> prev.warnEvttypes = bool(v, k);
                case "skip-if-unknown-filter" -> prev.skipIfUnknownFilter = bool(v, k);
                default -> throw new IllegalStateException(k);
            }
        }
    }

    // ---- exceptions -------------------------------------------------------------------------

    private List<Collected.ExceptionInfo> readExceptions(YamlNode n, boolean definition) {
        List<Collected.ExceptionInfo> out = new ArrayList<>();
        if (n instanceof YamlNode.Scalar s && s.isNull()) return out;
        if (!(n instanceof YamlNode.Seq seq)) {
            throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n, "Value of 'exceptions' must be a sequence");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (YamlNode e : seq.items()) {
            if (!(e instanceof YamlNode.Map em)) {
                throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, e, "Rule exception must be a mapping");
            }
            for (String k : em.entries().keySet()) {
                if (!Set.of("name", "fields", "comps", "values").contains(k)) {
                    warn(LoadCode.LOAD_UNKNOWN_KEY, em.entries().get(k).keyNode(), "Unknown key '" + k + "'. The key will be ignored.");
                }
            }
            Collected.ExceptionInfo ex = new Collected.ExceptionInfo();
            ex.name = requiredScalar(em, "name");
            ex.location = file.at(em);
            if (!names.add(ex.name)) {
                warn(LoadCode.LOAD_EXCEPTION_NAME_NOT_UNIQUE, em, "Multiple definitions of exception '" + ex.name
                        + "' in the same rule");
            }
            if (em.has("fields")) ex.fields = exValue(em.get("fields"), 1);
            if (em.has("comps")) ex.comps = exValue(em.get("comps"), 1);
            if (em.has("values")) {
                YamlNode vn = em.get("values");
                if (vn instanceof YamlNode.Seq vs) {
                    for (YamlNode v : vs.items()) ex.values.add(exValue(v, 2));
                } else if (!(vn instanceof YamlNode.Scalar vsc && vsc.isNull())) {
                    throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, vn, "Value of 'values' must be a sequence");
                }
            }
            if (definition || ex.fields != null) validateException(ex, em);
            out.add(ex);
        }
        return out;
    }

    private Collected.ExValue exValue(YamlNode n, int maxDepth) {
        if (n instanceof YamlNode.Scalar s) return Collected.ExValue.scalar(s.text());
        if (n instanceof YamlNode.Seq seq && maxDepth > 0) {
            List<Collected.ExValue> items = new ArrayList<>();
            for (YamlNode i : seq.items()) items.add(exValue(i, maxDepth - 1));
            return new Collected.ExValue(null, items, true);
        }
        throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n, "Expected values array to contain a list of strings");
    }

    private void validateException(Collected.ExceptionInfo ex, YamlNode.Map em) {
        if (ex.fields == null) {
            throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, em, "Rule exception item must have fields property with a list of fields");
        }
        if (ex.fields.isList()) {
            if (ex.comps == null) {
                List<Collected.ExValue> eq = new ArrayList<>();
                for (int i = 0; i < ex.fields.items().size(); i++) eq.add(Collected.ExValue.scalar("="));
                ex.comps = new Collected.ExValue(null, eq, true);
            }
            if (!ex.comps.isList() || ex.comps.items().size() != ex.fields.items().size()) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, em.get("comps") != null ? em.get("comps") : em,
                        "Fields and comps lists must have equal length");
            }
            for (Collected.ExValue c : ex.comps.items()) checkComp(c, em);
            for (Collected.ExValue f : ex.fields.items()) checkField(f, em);
        } else {
            if (ex.comps == null) ex.comps = Collected.ExValue.scalar("in");
            if (ex.comps.isList()) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, em.get("comps"), "When fields is a single value, comps must be "
                        + "one of (in, pmatch, intersects) or a modifier operator (e.g. startswith oneof)");
            }
            String c = ex.comps.item();
            String[] parts = c.trim().split("\\s+");
            boolean modifier = parts.length == 2 && Set.of("oneof", "anyof", "allof").contains(parts[1])
                    && EXCEPTION_OPS.contains(parts[0]) && !ValueTests.isListOp(parts[0]);
            if (!ValueTests.isListOp(c) && !modifier) {
                throw error(LoadCode.LOAD_ERR_VALIDATE, em.get("comps") != null ? em.get("comps") : em,
                        "When fields is a single value, comps must be one of (in, pmatch, intersects) or a "
                                + "modifier operator (e.g. startswith oneof)");
            }
            checkField(ex.fields, em);
        }
    }

    private void checkComp(Collected.ExValue c, YamlNode.Map em) {
        if (c.isList() || !EXCEPTION_OPS.contains(c.item())) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, em.get("comps"), "'" + (c.isList() ? "(list)" : c.item())
                    + "' is not a supported comparison operator");
        }
    }

    private void checkField(Collected.ExValue f, YamlNode.Map em) {
        String name = f.isList() ? null : f.item();
        String base = name == null ? null : name.replaceFirst("\\[.*$", "");
        if (base == null || fields.lookup(base) == null) {
            throw error(LoadCode.LOAD_ERR_VALIDATE, em.get("fields"), "'" + (name == null ? "(list)" : name)
                    + "' is not a supported filter field");
        }
    }

    private void appendExceptions(Collected.RuleInfo r, List<Collected.ExceptionInfo> more) {
        for (Collected.ExceptionInfo ex : more) {
            Collected.ExceptionInfo existing = null;
            for (Collected.ExceptionInfo e : r.exceptions) {
                if (e.name.equals(ex.name)) existing = e;
            }
            if (existing == null) {
                if (ex.fields == null) {
                    throw new LoadError(LoadCode.LOAD_ERR_VALIDATE, ex.location,
                            "Rule exception must have fields property with a list of fields", item);
                }
                r.exceptions.add(ex);
                continue;
            }
            if (ex.fields != null || ex.comps != null) {
                throw new LoadError(LoadCode.LOAD_ERR_VALIDATE, ex.location,
                        "Can not append exception fields to existing exception, only values", item);
            }
            if (ex.values.isEmpty()) {
                warnings.add(new LoadMessage(LoadCode.LOAD_APPEND_NO_VALUES, ex.location,
                        "Overriding/appending exception with no values", item));
            }
            existing.values.addAll(ex.values);
        }
    }

    // ---- scalar helpers ---------------------------------------------------------------------

    private Priority priority(YamlNode n) {
        String s = scalar(n, "priority");
        Priority p = Priority.parse(s);
        if (p == null) throw error(LoadCode.LOAD_ERR_VALIDATE, n, "Invalid priority");
        return p;
    }

    private java.util.TreeSet<String> tags(YamlNode n) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        if (n instanceof YamlNode.Scalar s && s.isNull()) return out;
        if (!(n instanceof YamlNode.Seq seq)) throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n, "Value of 'tags' must be a sequence");
        for (YamlNode t : seq.items()) out.add(scalar(t, "tags"));
        return out;
    }

    private SourceText text(YamlNode n, String key) {
        if (!(n instanceof YamlNode.Scalar s)) {
            throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n, "Value for key '" + key + "' must be a string");
        }
        return new SourceText(s.text(), new TextOrigin.Scalar(file, s));
    }

    /** Falco trims outputs; keep the origin aligned with the remaining characters. */
    private static SourceText trimmed(SourceText t) {
        String s = t.text();
        int a = 0;
        int b = s.length();
        while (a < b && Character.isWhitespace(s.charAt(a))) a++;
        while (b > a && Character.isWhitespace(s.charAt(b - 1))) b--;
        if (a == 0 && b == s.length()) return t;
        int shift = a;
        TextOrigin inner = t.origin();
        return new SourceText(s.substring(a, b), off -> inner.locate(off + shift));
    }

    private String scalar(YamlNode n, String key) {
        if (!(n instanceof YamlNode.Scalar s)) {
            throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n, "Value for key '" + key + "' must be a scalar, not a "
                    + YamlNode.kind(n));
        }
        return s.text();
    }

    private String requiredScalar(YamlNode.Map m, String key) {
        YamlNode n = m.get(key);
        if (n == null) throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, m, "Item has no mapping for key '" + key + "'");
        String s = scalar(n, key);
        if (s.isEmpty()) throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n, "Mapping for key '" + key + "' is empty");
        return s;
    }

    private boolean bool(YamlNode n, String key) {
        String s = scalar(n, key).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n, "Value for key '" + key + "' must be a boolean");
        };
    }

    private long integer(YamlNode n, String key) {
        try {
            return Long.parseLong(scalar(n, key).trim());
        } catch (NumberFormatException e) {
            throw error(LoadCode.LOAD_ERR_YAML_VALIDATE, n, "Value for key '" + key + "' must be an integer");
        }
    }

    private void unknownKeys(YamlNode.Map m, Set<String> allowed) {
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                warn(LoadCode.LOAD_UNKNOWN_KEY, e.keyNode(), "Unknown key '" + e.key() + "'. The key will be ignored.");
            }
        }
    }

    private LoadError error(LoadCode code, YamlNode at, String message) {
        return new LoadError(code, at == null ? new Location(file.name, 0, 0) : file.at(at), message, item);
    }

    private void warn(LoadCode code, YamlNode at, String message) {
        warnings.add(new LoadMessage(code, file.at(at), message, item));
    }
}
