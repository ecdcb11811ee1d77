package io.pdig.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.analyzer.filter.TestFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test (or a few) per Falco loader feature, on the test field registry. */
class RuleLoaderTest {

    /** Loads the texts as files rules.yaml, rules2.yaml, ... in order. */
    static LoadResult load(String... files) {
        List<RuleSource> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(RuleSource.of(i == 0 ? "rules.yaml" : "rules" + (i + 1) + ".yaml", files[i]));
        }
        return RuleLoader.load(sources, TestFields.standard());
    }

    static LoadResult ok(String... files) {
        LoadResult r = load(files);
        assertFalse(r.hasErrors(), () -> "unexpected errors: " + r.errors());
        return r;
    }

    static LoadMessage onlyError(LoadResult r) {
        assertEquals(1, r.errors().size(), () -> "errors: " + r.errors());
        return r.errors().get(0);
    }

    static boolean hasWarning(LoadResult r, LoadCode code) {
        return r.warnings().stream().anyMatch(w -> w.code() == code);
    }

    static String rule(String name, String cond) {
        return "- rule: " + name + "\n  desc: d\n  condition: " + cond + "\n  output: out %proc.name\n  priority: WARNING\n";
    }

    /**
     * A file with no rule, macro or list item loads (as in Falco) but is named in emptyFiles so
     * the commands can warn; a file with only a list is not empty, and neither is a file whose
     * read failed (that is an error, not an empty file).
     */
    @Test
    void filesWithoutRulesMacrosOrListsAreNamedAsEmpty() {
        LoadResult r = ok("", "# only\n# comments\n", "- required_engine_version: 0.10.0\n", "---\n...\n",
                "- list: l\n  items: [a]\n", rule("r", "evt.type = open"));
        assertEquals(List.of("rules.yaml", "rules2.yaml", "rules3.yaml", "rules4.yaml"), r.emptyFiles());
        assertEquals(1, r.rules().size());
        LoadResult broken = load("", "- rule: [\n");
        assertTrue(broken.hasErrors());
        assertEquals(List.of("rules.yaml"), broken.emptyFiles());
    }

    @Test
    void listsExpandInsideLists() {
        LoadResult r = ok("""
                - list: a
                  items: [x, y]
                - list: b
                  items: [a, z, later]
                - list: later
                  items: [q]
                """ + rule("r", "evt.type = open and proc.name in (b)"));
        assertEquals(List.of("x", "y", "z", "later"), r.list("b").items());
        // "later" is defined after b, so inside b it stays a literal; in the condition the
        // textual substitution has no visibility order and replaces it too.
        assertEquals("(evt.type = open and proc.name in (x, y, z, q))", r.rule("r").compiledCondition());
        assertTrue(r.list("a").used());
    }

    @Test
    void listItemsWithSpacesAreQuotedAndEmptyListsDropAComma() {
        LoadResult r = ok("""
                - list: names
                  items: ["my prog", other]
                - list: none
                  items: []
                """ + rule("r", "evt.type = open and proc.name in (names, none)"));
        assertEquals("(evt.type = open and proc.name in (\"my prog\", other))", r.rule("r").compiledCondition());
    }

    @Test
    void macrosUseEarlierMacrosAndRulesSeeAll() {
        LoadResult r = ok("""
                - macro: m1
                  condition: proc.name = a
                - macro: m2
                  condition: m1 or proc.name = b
                """ + rule("r", "evt.type = open and m2 and m3") + """
                - macro: m3
                  condition: fd.num >= 0
                """);
        assertEquals("(evt.type = open and (proc.name = a or proc.name = b) and fd.num >= 0)",
                r.rule("r").compiledCondition());
        assertTrue(r.macro("m1").used());
    }

    @Test
    void macroForwardReferenceIsAnError() {
        LoadResult r = load("""
                - macro: m2
                  condition: evt.type = open and m1
                - macro: m1
                  condition: proc.name = a
                """);
        LoadMessage e = onlyError(r);
        assertEquals("Undefined macro 'm1' used in filter.", e.message());
        assertEquals(LoadCode.LOAD_ERR_VALIDATE, e.code());
        assertEquals("rules.yaml:2:34", e.location().toString());
    }

    @Test
    void undefinedMacroInRule() {
        LoadMessage e = onlyError(load(rule("r", "evt.type = open and nosuchmacro")));
        assertEquals("rules.yaml:3:34: error: Undefined macro 'nosuchmacro' used in filter.", e.format());
    }

    @Test
    void listOverrideAppendMatchesFalco() {
        String base = """
                - list: shell_binaries
                  items: [ash, bash, csh, ksh, sh, tcsh, zsh, dash]
                """ + rule("r", "evt.type=open and proc.name in (shell_binaries)");
        LoadResult r = ok(base, """
                - list: shell_binaries
                  items: [pwsh]
                  override:
                    items: append
                """);
        assertEquals("(evt.type = open and proc.name in (ash, bash, csh, ksh, sh, tcsh, zsh, dash, pwsh))",
                r.rule("r").compiledCondition());
        LoadResult dep = ok(base, """
                - list: shell_binaries
                  items: [pwsh]
                  append: true
                """);
        assertEquals(r.rule("r").compiledCondition(), dep.rule("r").compiledCondition());
        assertTrue(hasWarning(dep, LoadCode.LOAD_DEPRECATED_ITEM));
        LoadResult replaced = ok(base, """
                - list: shell_binaries
                  items: [pwsh]
                  override:
                    items: replace
                """);
        assertEquals("(evt.type = open and proc.name in (pwsh))", replaced.rule("r").compiledCondition());
    }

    @Test
    void appendBeforeDefinitionIsAnError() {
        assertEquals("List uses 'append' or 'override.items: append' but no list by that name already exists",
                onlyError(load("- list: x\n  items: [a]\n  append: true\n")).message());
        assertEquals("Macro uses 'append' or 'override.condition: append' but no macro by that name already exists",
                onlyError(load("- macro: x\n  condition: a\n  override:\n    condition: append\n")).message());
    }

    @Test
    void macroOverrideAppendMatchesFalco() {
        LoadResult r = ok("""
                - macro: interactive
                  condition: >
                    ((proc.aname=sshd and proc.name != sshd) or
                    proc.name=systemd-logind or proc.name=login)
                """ + rule("r", "evt.type=open and interactive"), """
                - macro: interactive
                  condition: or proc.name = ssh
                  override:
                    condition: append
                """);
        assertEquals("(evt.type = open and (((proc.aname = sshd and proc.name != sshd) or proc.name = systemd-logind "
                + "or proc.name = login) or proc.name = ssh))", r.rule("r").compiledCondition());
    }

    @Test
    void macroOverrideReplaceAndPlainRedefinition() {
        String base = "- macro: m\n  condition: proc.name = a\n" + rule("r", "evt.type=open and m");
        assertEquals("(evt.type = open and proc.name = b)", ok(base,
                "- macro: m\n  condition: proc.name = b\n  override:\n    condition: replace\n").rule("r").compiledCondition());
        assertEquals("(evt.type = open and proc.name = c)", ok(base,
                "- macro: m\n  condition: proc.name = c\n").rule("r").compiledCondition());
    }

    @Test
    void ruleOverrideAppendAndReplace() {
        String base = """
                - rule: r
                  desc: base
                  condition: evt.type = open
                  output: file opened
                  priority: WARNING
                  tags: [b, a]
                """;
        LoadResult r = ok(base, """
                - rule: r
                  condition: and proc.name = cat
                  output: by %proc.name
                  desc: more
                  tags: [c]
                  priority: error
                  enabled: false
                  override:
                    condition: append
                    output: append
                    desc: append
                    tags: append
                    priority: replace
                    enabled: replace
                """);
        Rule rule = r.rule("r");
        assertEquals("(evt.type = open and proc.name = cat)", rule.compiledCondition());
        assertEquals("file opened by %proc.name", rule.output().format());
        assertEquals("base more", rule.description());
        assertEquals(List.of("a", "b", "c"), rule.tagList());
        assertEquals(Priority.ERROR, rule.priority());
        assertFalse(rule.enabled());
        assertEquals(0, rule.index(), "an override keeps the rule's place");
        LoadResult rep = ok(base, """
                - rule: r
                  condition: evt.type = creat
                  override:
                    condition: replace
                """);
        assertEquals("evt.type = creat", rep.rule("r").compiledCondition());
    }

    @Test
    void ruleOverrideErrors() {
        String base = rule("r", "evt.type = open");
        assertEquals("Key 'priority' cannot be appended to, use 'replace' instead", onlyError(load(base,
                "- rule: r\n  priority: ERROR\n  override:\n    priority: append\n")).message());
        assertEquals("Key 'source' cannot be replaced", onlyError(load(base,
                "- rule: r\n  source: syscall\n  override:\n    source: replace\n")).message());
        assertEquals("Invalid override operation for key 'desc': 'merge'. Allowed values are: append replace ",
                onlyError(load(base, "- rule: r\n  desc: x\n  override:\n    desc: merge\n")).message());
        assertEquals("An append override for 'desc' was specified but 'desc' is not defined",
                onlyError(load(base, "- rule: r\n  override:\n    desc: append\n")).message());
        assertEquals("Unexpected key 'desc': no corresponding entry under 'override' is defined.", onlyError(load(base,
                "- rule: r\n  desc: x\n  condition: y\n  override:\n    condition: append\n")).message());
        assertTrue(onlyError(load("- rule: nope\n  desc: x\n  override:\n    desc: append\n")).message()
                .contains("no rule by that name already exists"));
        assertEquals("Keys 'override' and 'append: true' cannot be used together.", onlyError(load(base,
                "- rule: r\n  desc: x\n  append: true\n  override:\n    desc: append\n")).message());
    }

    @Test
    void deprecatedRuleAppend() {
        LoadResult r = ok(rule("r", "evt.type = open"), "- rule: r\n  condition: and proc.name = cat\n  append: true\n");
        assertEquals("(evt.type = open and proc.name = cat)", r.rule("r").compiledCondition());
        assertTrue(hasWarning(r, LoadCode.LOAD_DEPRECATED_ITEM));
        assertTrue(onlyError(load("- rule: r\n  condition: x\n  append: true\n")).message()
                .contains("no rule by that name already exists"));
    }

    @Test
    void exceptionsTranslateLikeFalco() {
        LoadResult r = ok("""
                - rule: r
                  desc: d
                  condition: proc.cmdline contains curl or proc.cmdline contains wget
                  output: o
                  priority: INFO
                  exceptions:
                    - name: proc_cmdline
                      fields: [proc.cmdline]
                      comps: [contains]
                      values:
                        - [curl 127.0.0.1]
                """);
        Rule rule = r.rule("r");
        assertEquals("((proc.cmdline contains curl or proc.cmdline contains wget) and not proc.cmdline contains "
                + "\"curl 127.0.0.1\")", rule.compiledCondition());
        assertEquals("(proc.cmdline contains curl or proc.cmdline contains wget) and not "
                + "(( proc.cmdline contains \"curl 127.0.0.1\"))", rule.condition());
        assertEquals(Set.of("proc.cmdline"), rule.exceptionFields());
    }

    @Test
    void exceptionFormsAndDefaults() {
        LoadResult r = ok("""
                - rule: r
                  desc: d
                  condition: evt.type = open
                  output: o
                  priority: INFO
                  exceptions:
                    - name: names
                      fields: proc.name
                      values: [apt, "my tool"]
                    - name: pairs
                      fields: [proc.name, fd.name]
                      comps: [in, startswith]
                      values:
                        - [[dpkg, rpm], /var/lib]
                        - [yum, /etc/yum]
                    - name: defaults
                      fields: [proc.name, fd.name]
                      values:
                        - [a, /b]
                    - name: empty
                      fields: [proc.name]
                """);
        assertEquals("(evt.type = open and not proc.name in (apt, \"my tool\") and not ((proc.name in (dpkg, rpm) "
                + "and fd.name startswith /var/lib) or (proc.name in (yum) and fd.name startswith /etc/yum)) and not "
                + "(proc.name = a and fd.name = /b))", r.rule("r").compiledCondition());
    }

    @Test
    void exceptionValuesAppendThroughOverride() {
        LoadResult r = ok("""
                - rule: r
                  desc: d
                  condition: evt.type = open
                  output: o
                  priority: INFO
                  exceptions:
                    - name: names
                      fields: [proc.name]
                      values: [[a]]
                """, """
                - rule: r
                  exceptions:
                    - name: names
                      values: [[b]]
                    - name: dirs
                      fields: fd.directory
                      comps: pmatch
                      values: [/tmp]
                  override:
                    exceptions: append
                """);
        assertEquals("(evt.type = open and not (proc.name = a or proc.name = b) and not fd.directory pmatch (/tmp))",
                r.rule("r").compiledCondition());
    }

    @Test
    void exceptionErrors() {
        String head = "- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: INFO\n  exceptions:\n";
        assertEquals("Fields and comps lists must have equal length", onlyError(load(head
                + "    - name: e\n      fields: [proc.name, fd.name]\n      comps: [=]\n")).message());
        assertEquals("'~' is not a supported comparison operator", onlyError(load(head
                + "    - name: e\n      fields: [proc.name]\n      comps: ['~']\n")).message());
        assertEquals("'proc.nosuch' is not a supported filter field", onlyError(load(head
                + "    - name: e\n      fields: [proc.nosuch]\n")).message());
        assertTrue(onlyError(load(head + "    - name: e\n      fields: proc.name\n      comps: =\n")).message()
                .startsWith("When fields is a single value, comps must be one of (in, pmatch, intersects)"));
        assertEquals("Fields and values lists must have equal length", onlyError(load(head
                + "    - name: e\n      fields: [proc.name, fd.name]\n      values: [[a]]\n")).message());
        assertEquals("Rule exception item must have fields property with a list of fields", onlyError(load(head
                + "    - name: e\n      values: [[a]]\n")).message());
        assertTrue(hasWarning(ok(head + "    - name: e\n      fields: [proc.name]\n    - name: e\n      fields: [fd.name]\n"),
                LoadCode.LOAD_EXCEPTION_NAME_NOT_UNIQUE));
        assertEquals("Can not append exception fields to existing exception, only values", onlyError(load(
                head + "    - name: e\n      fields: [proc.name]\n",
                "- rule: r\n  exceptions:\n    - name: e\n      fields: [fd.name]\n  override:\n    exceptions: append\n"))
                .message());
    }

    @Test
    void enabledOnlyFormTogglesARule() {
        LoadResult r = ok(rule("r", "evt.type = open"), "- rule: r\n  enabled: false\n");
        assertFalse(r.rule("r").enabled());
        assertTrue(hasWarning(r, LoadCode.LOAD_DEPRECATED_ITEM));
        LoadResult viaOverride = ok(rule("r", "evt.type = open"), "- rule: r\n  enabled: false\n  override:\n    enabled: replace\n");
        assertFalse(viaOverride.rule("r").enabled());
        assertEquals("Rule has 'enabled' key but no rule by that name already exists",
                onlyError(load("- rule: nope\n  enabled: true\n")).message());
        assertEquals("Item has no mapping for key 'enabled'", onlyError(load(rule("r", "evt.type = open"),
                "- rule: r\n  tags: [x]\n")).message());
    }

    @Test
    void disabledRulesAreStillCompiled() {
        LoadResult r = load("- rule: r\n  desc: d\n  condition: proc.nosuch = 1\n  output: o\n  priority: INFO\n  enabled: false\n");
        assertEquals("unknown field proc.nosuch", onlyError(r).message());
    }

    @Test
    void unknownKeysAndItemsWarnWithPositions() {
        LoadResult r = ok("""
                - rule: r
                  desc: d
                  condition: evt.type = open
                  output: o
                  priority: INFO
                  colour: red
                - frobnicate: 1
                """);
        LoadMessage key = r.warnings().stream().filter(w -> w.code() == LoadCode.LOAD_UNKNOWN_KEY).findFirst().orElseThrow();
        assertEquals("rules.yaml:6:3: warning: Unknown key 'colour'. The key will be ignored.", key.format());
        LoadMessage item = r.warnings().stream().filter(w -> w.code() == LoadCode.LOAD_UNKNOWN_ITEM).findFirst().orElseThrow();
        assertEquals("rules.yaml:7:3", item.location().toString());
    }

    @Test
    void prioritiesAreCaseInsensitiveAndInvalidOnesAreErrorsWithPosition() {
        String[] names = {"emergency", "ALERT", "Critical", "error", "warning", "NOTICE", "informational", "info", "debug"};
        Priority[] want = {Priority.EMERGENCY, Priority.ALERT, Priority.CRITICAL, Priority.ERROR, Priority.WARNING,
            Priority.NOTICE, Priority.INFORMATIONAL, Priority.INFORMATIONAL, Priority.DEBUG};
        for (int i = 0; i < names.length; i++) {
            LoadResult r = ok("- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: " + names[i] + "\n");
            assertEquals(want[i], r.rule("r").priority(), names[i]);
        }
        LoadMessage e = onlyError(load("- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: LOUD\n"));
        assertEquals("rules.yaml:5:13: error: Invalid priority", e.format());
        assertEquals(LoadCode.LOAD_ERR_VALIDATE, e.code());
        assertEquals("Item has no mapping for key 'priority'",
                onlyError(load("- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n")).message());
    }

    @Test
    void requiredEngineVersion() {
        ok("- required_engine_version: 0.57.0\n");
        ok("- required_engine_version: 26\n");
        ok("- required_engine_version: 0.62.0\n");
        LoadMessage newer = onlyError(load("- required_engine_version: 0.99.0\n"));
        assertEquals("Rules require engine version 0.99.0, but engine version is 0.62.0", newer.message());
        assertEquals("rules.yaml:1:28", newer.location().toString());
        assertTrue(onlyError(load("- required_engine_version: 1.0.0\n")).message().startsWith("Rules require engine version 1.0.0"));
        assertTrue(onlyError(load("- required_engine_version: banana\n")).message()
                .startsWith("Unable to parse engine version 'banana' as a semver string."));
    }

    @Test
    void requiredPluginVersionsUseTheBuiltInContainerPlugin() {
        ok("- required_plugin_versions:\n  - name: container\n    version: 0.4.0\n");
        ok("- required_plugin_versions:\n  - name: container\n    version: 0.1.0\n");
        ok("- required_plugin_versions:\n  - name: k8saudit\n    version: 0.1.0\n    alternatives:\n"
                + "      - name: container\n        version: 0.2.0\n");
        assertEquals("Plugin requirement not satisfied, must load one of: container (>= 0.9.0)",
                onlyError(load("- required_plugin_versions:\n  - name: container\n    version: 0.9.0\n")).message());
        assertEquals("Value of required_plugin_versions must be a sequence",
                onlyError(load("- required_plugin_versions: container\n")).message());
        assertEquals("Invalid required version 'x' for plugin 'container'",
                onlyError(load("- required_plugin_versions:\n  - name: container\n    version: x\n")).message());
    }

    @Test
    void skipIfUnknownFilterDropsTheRuleWithAWarning() {
        LoadResult r = ok("""
                - rule: future
                  desc: d
                  condition: evt.type = open and proc.nosuchfield = x
                  output: o
                  priority: INFO
                  skip-if-unknown-filter: true
                - rule: kept
                  desc: d
                  condition: evt.type = open
                  output: o
                  priority: INFO
                """);
        assertNull(r.rule("future"));
        assertNotNull(r.rule("kept"));
        LoadMessage w = r.warnings().stream().filter(x -> x.code() == LoadCode.LOAD_UNKNOWN_FILTER).findFirst().orElseThrow();
        assertEquals("rules.yaml:3:34: warning: unknown field proc.nosuchfield", w.format());
        LoadResult unknownType = ok(rule("t", "evt.type = nosuchsyscall") .replace("priority: WARNING",
                "priority: WARNING\n  skip-if-unknown-filter: true"));
        assertNull(unknownType.rule("t"));
        LoadMessage e = onlyError(load(rule("r", "evt.type = open and proc.nosuchfield = x")));
        assertEquals("rules.yaml:3:34: error: unknown field proc.nosuchfield", e.format());
        assertEquals(LoadCode.LOAD_ERR_COMPILE_CONDITION, e.code());
    }

    @Test
    void errorPositionsInsideBlockScalars() {
        LoadMessage e = onlyError(load("""
                - rule: r
                  desc: d
                  condition: >
                    evt.type = open and
                      (proc.name = a
                  output: o
                  priority: INFO
                """));
        assertEquals("rules.yaml:5:21: error: expected a ')' token", e.format());
        assertEquals("      (proc.name = a\n                    ^", e.snippet());
        LoadMessage op = onlyError(load("""
                - rule: r
                  desc: d
                  condition: >
                    evt.type = open
                    and proc.name ~ a
                  output: o
                  priority: INFO
                """));
        assertEquals("rules.yaml:5:19", op.location().toString());
        LoadMessage lit = onlyError(load("- rule: r\n  desc: d\n  condition: |\n    evt.type = open\n    and proc.nosuch = 1\n"
                + "  output: o\n  priority: INFO\n"));
        assertEquals("rules.yaml:5:9: error: unknown field proc.nosuch", lit.format());
    }

    @Test
    void anUnknownFieldInsideAMacroIsLocatedInTheMacroAndNamesTheRule() {
        LoadMessage e = onlyError(load("""
                - macro: m1
                  condition: fd.nmae = x
                - rule: r6
                  desc: d
                  condition: evt.type = openat and proc.name = cat and m1
                  output: o
                  priority: WARNING
                """));
        assertEquals("rules.yaml:2:14: error: unknown field fd.nmae", e.format());
        assertEquals("rule 'r6'", e.item());
        LoadMessage later = onlyError(load("""
                - macro: m1
                  condition: proc.name = cat and fd.nmae = x
                - rule: r6
                  desc: d
                  condition: evt.type = openat and m1
                  output: o
                  priority: WARNING
                """));
        assertEquals("rules.yaml:2:34: error: unknown field fd.nmae", later.format());
        // Through a macro that uses the macro: still the innermost one's text.
        LoadMessage nested = onlyError(load("""
                - macro: inner
                  condition: fd.nmae = x
                - macro: outer
                  condition: proc.name = cat and inner
                - rule: r
                  desc: d
                  condition: evt.type = openat and outer
                  output: o
                  priority: WARNING
                """));
        assertEquals("rules.yaml:2:14: error: unknown field fd.nmae", nested.format());
        // The rule's own unknown field stays located in the rule.
        LoadMessage own = onlyError(load("""
                - macro: m1
                  condition: proc.name = cat
                - rule: r
                  desc: d
                  condition: m1 and fd.nmae = x
                  output: o
                  priority: WARNING
                """));
        assertEquals("rules.yaml:5:21: error: unknown field fd.nmae", own.format());
    }

    @Test
    void errorPositionsSurviveListSubstitutionAndQuotes() {
        LoadMessage e = onlyError(load("""
                - list: many
                  items: [aaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbb, cccccccccccccccc]
                - rule: r
                  desc: d
                  condition: "proc.name in (many) and proc.bad = 1"
                  output: o
                  priority: INFO
                """));
        assertEquals("rules.yaml:5:39: error: unknown field proc.bad", e.format());
        LoadMessage inMacro = onlyError(load("- macro: m\n  condition: evt.type = open and (\n"));
        assertEquals(LoadCode.LOAD_ERR_COMPILE_CONDITION, inMacro.code());
        assertEquals("macro 'm'", inMacro.item());
    }

    @Test
    void multipleDocumentsAndFilesLoadInOrder() {
        LoadResult r = ok("""
                - list: l
                  items: [a]
                ---
                - macro: m
                  condition: proc.name in (l)
                ---
                """, rule("r1", "evt.type = open and m"), rule("r2", "evt.type = creat"));
        assertEquals(List.of("r1", "r2"), r.rules().stream().map(Rule::name).toList());
        assertEquals("1 list, 1 macro", r.lists().size() + " list, " + r.macros().size() + " macro");
        assertEquals("2 rules, 1 macro, 1 list loaded", r.summary());
    }

    @Test
    void firstErrorAbortsTheFileAndLaterFilesStillRead() {
        LoadResult r = load("- rule: a\n  desc: d\n  priority: nope\n  condition: x\n  output: o\n- list: \n  items: 3\n",
                "- rule: b\n  priority: nope\n  desc: d\n  condition: x\n  output: o\n");
        assertEquals(2, r.errors().size(), () -> r.errors().toString());
        assertEquals("rules.yaml", r.errors().get(0).location().file());
        assertEquals("rules2.yaml", r.errors().get(1).location().file());
        assertTrue(r.rules().isEmpty());
    }

    @Test
    void yamlAnchorsAndAliasesResolve() {
        LoadResult r = ok("""
                - list: a
                  items: &shells [sh, bash]
                - list: b
                  items: *shells
                """ + rule("r", "evt.type = open and proc.name in (b)"));
        assertEquals(List.of("sh", "bash"), r.list("b").items());
        LoadMessage e = onlyError(load("- rule: *nope\n"));
        assertEquals("rules.yaml:1:9: error: unknown alias *nope", e.format());
    }

    @Test
    void yamlErrorMessagesAreOneLineWithTheProblemPosition() {
        LoadMessage tab = onlyError(load("- rule: r\n\tdesc: x\n"));
        assertEquals("rules.yaml:2:1", tab.location().toString());
        assertTrue(tab.message().startsWith("while scanning for the next token: found character"), tab.message());
        assertFalse(tab.message().contains("\n"));
        assertEquals("\tdesc: x\n^", tab.snippet());
    }

    @Test
    void yamlSyntaxErrorsHavePositions() {
        LoadMessage e = onlyError(load("- rule: r\n  desc: [unclosed\n"));
        assertEquals(LoadCode.LOAD_ERR_YAML_PARSE, e.code());
        assertTrue(e.location().line() >= 2, e.format());
        assertEquals("Rules content is not yaml array of objects", onlyError(load("rule: r\n")).message());
        assertEquals("Unexpected element type. Each element should be a yaml associative array.",
                onlyError(load("- just a string\n")).message());
    }

    @Test
    void eventTypeWarnings() {
        LoadResult r = ok(rule("wide", "proc.name = a"), rule("never", "evt.num = 0"));
        assertTrue(r.rule("wide").eventTypes().all());
        assertEquals(1, r.warnings().stream().filter(w -> w.code() == LoadCode.LOAD_NO_EVTTYPE).count());
        LoadResult quiet = ok(rule("wide", "proc.name = a").replace("priority: WARNING", "priority: WARNING\n  warn_evttypes: false"));
        assertFalse(hasWarning(quiet, LoadCode.LOAD_NO_EVTTYPE));
    }

    @Test
    void unusedListsAndMacrosWarn() {
        LoadResult r = ok("- list: l\n  items: [a]\n- macro: m\n  condition: proc.name = a\n" + rule("r", "evt.type = open"));
        assertTrue(hasWarning(r, LoadCode.LOAD_UNUSED_LIST));
        assertTrue(hasWarning(r, LoadCode.LOAD_UNUSED_MACRO));
        assertFalse(r.macro("m").used());
    }

    @Test
    void outputsAreCompiled() {
        LoadMessage e = onlyError(load("- rule: r\n  desc: d\n  condition: evt.type = open\n  output: \"file=%fd.nosuch\"\n  priority: INFO\n"));
        assertEquals(LoadCode.LOAD_ERR_COMPILE_OUTPUT, e.code());
        assertEquals("rules.yaml:4:17", e.location().toString());
        assertTrue(e.message().contains("fd.nosuch"));
        assertEquals("invalid formatting syntax: formatting cannot end with a %", onlyError(load(
                "- rule: r\n  desc: d\n  condition: evt.type = open\n  output: 100%\n  priority: INFO\n")).message());
        LoadResult info = ok("- rule: r\n  desc: d\n  condition: evt.type = open\n  output: x %container.info y\n  priority: INFO\n");
        assertEquals("x  y", info.rule("r").output().format());
        assertTrue(hasWarning(info, LoadCode.LOAD_DEPRECATED_ITEM));
    }

    @Test
    void deprecatedFieldsWarn() {
        LoadResult r = ok("- rule: r\n  desc: d\n  condition: evt.type = open and evt.dir = <\n  output: dir=%evt.dir\n"
                + "  priority: INFO\n");
        assertEquals(2, r.warnings().stream().filter(w -> w.code() == LoadCode.LOAD_DEPRECATED_ITEM).count());
    }

    @Test
    void sources() {
        LoadResult r = ok("- rule: k\n  desc: d\n  condition: ka.verb = x\n  output: o\n  priority: INFO\n  source: k8s_audit\n");
        assertNull(r.rule("k"));
        assertTrue(hasWarning(r, LoadCode.LOAD_UNKNOWN_SOURCE));
        assertEquals("Rule has been re-defined with a different source", onlyError(load(rule("r", "evt.type = open"),
                "- rule: r\n  desc: d\n  condition: x\n  output: o\n  priority: INFO\n  source: aws_cloudtrail\n")).message());
    }

    @Test
    void ruleRedefinitionReplacesInPlace() {
        LoadResult r = ok(rule("a", "evt.type = open") + rule("b", "evt.type = creat"), rule("a", "evt.type = execve"));
        assertEquals(List.of("a", "b"), r.rules().stream().map(Rule::name).toList());
        assertEquals("evt.type = execve", r.rule("a").compiledCondition());
    }

    @Test
    void tagsAndDefaults() {
        LoadResult r = ok("- rule: r\n  desc: d\n  condition: evt.type = open\n  output: '  padded  '\n  priority: INFO\n"
                + "  tags: [z, a, a]\n  capture: true\n  capture_duration: 5\n");
        Rule rule = r.rule("r");
        assertEquals(List.of("a", "z"), rule.tagList());
        assertEquals("syscall", rule.source());
        assertTrue(rule.enabled());
        assertEquals("padded", rule.output().format());
        assertTrue(rule.capture());
        assertEquals(5, rule.captureDuration());
    }

    @Test
    void deeplyNestedConditionsLoadUpToLibsinspsLimit() {
        String ok = "(".repeat(990) + "evt.type = open" + ")".repeat(990);
        assertEquals("evt.type = open", ok(rule("r", "'" + ok + "'")).rule("r").compiledCondition());
        String tooDeep = "(".repeat(1001) + "evt.type = open" + ")".repeat(1001);
        assertEquals("exceeded max depth limit of 1000", onlyError(load(rule("r", "'" + tooDeep + "'"))).message());
    }

    @Test
    void missingFileIsAReadError() {
        LoadResult r = RuleLoader.loadFiles(List.of(java.nio.file.Path.of("/nonexistent/x.yaml")), TestFields.standard());
        LoadMessage e = onlyError(r);
        assertEquals(LoadCode.LOAD_ERR_FILE_READ, e.code());
        assertTrue(e.message().contains("no such file"));
    }

    @Test
    void classPathResourceUsesItsFileName() {
        LoadResult r = RuleLoader.loadResource("/io/pdig/analyzer/rules/test_rules.yaml", TestFields.standard());
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        assertEquals(List.of("test_rules.yaml"), r.files());
        assertNotNull(r.rule("Resource rule"));
        LoadResult missing = RuleLoader.loadResource("/io/pdig/nope.yaml", TestFields.standard());
        assertEquals("nope.yaml", onlyError(missing).location().file());
    }
}
