package io.pdig.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.analyzer.filter.TestFields;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.analyzer.rules.RuleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static final String RULES = """
            - rule: open by cat
              desc: d
              condition: evt.type in (open, openat) and proc.name = cat
              output: cat opened %fd.name
              priority: WARNING
            - rule: any open
              desc: d
              condition: evt.type = openat
              output: open %fd.name
              priority: DEBUG
            - rule: everything by evil
              desc: d
              condition: proc.name = evil
              output: evil did %evt.type
              priority: CRITICAL
              warn_evttypes: false
            - rule: disabled
              desc: d
              condition: evt.type = openat
              output: never
              priority: EMERGENCY
              enabled: false
            - rule: not execve
              desc: d
              condition: evt.type != execve and proc.name = cat and fd.name = /etc/shadow
              output: shadow
              priority: NOTICE
            """;

    private static LoadResult load() {
        LoadResult r = RuleLoader.load(List.of(RuleSource.of("engine.yaml", RULES)), TestFields.standard());
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        return r;
    }

    private static List<String> names(List<Match> ms) {
        return ms.stream().map(m -> m.rule().name()).toList();
    }

    private static TestFields.Ctx ev(String type, String proc, String file) {
        return TestFields.Ctx.of("evt.type", type, "proc.name", proc, "fd.name", file);
    }

    @Test
    void dispatchesByEventTypeInLoadOrder() {
        RuleEngine all = new RuleEngine(load(), RuleMatching.ALL, Priority.DEBUG);
        assertEquals(List.of("open by cat", "any open", "not execve"), names(all.evaluate("openat", ev("openat", "cat", "/etc/shadow"))));
        assertEquals(List.of("open by cat"), names(all.evaluate("open", ev("open", "cat", "/x"))));
        assertEquals(List.of(), names(all.evaluate("execve", ev("execve", "cat", "/etc/shadow"))));
        // An unrestricted rule is tried for every event type, including unknown ones.
        assertEquals(List.of("everything by evil"), names(all.evaluate("execve", ev("execve", "evil", "/"))));
        assertEquals(List.of("everything by evil"), names(all.evaluate("sys_999", ev("sys_999", "evil", "/"))));
        assertEquals(List.of("open by cat", "any open", "everything by evil", "not execve"),
                all.rulesFor("openat").stream().map(r -> r.name()).toList());
    }

    @Test
    void firstMatchStopsAtTheFirstRule() {
        RuleEngine first = new RuleEngine(load());
        List<Match> m = first.evaluate("openat", ev("openat", "cat", "/etc/shadow"));
        assertEquals(List.of("open by cat"), names(m));
        assertEquals("cat opened /etc/shadow", m.get(0).renderOutput());
        assertEquals(List.of("any open"), names(first.evaluate("openat", ev("openat", "vi", "/x"))));
    }

    @Test
    void priorityThresholdAndDisabledRules() {
        RuleEngine warn = new RuleEngine(load(), RuleMatching.ALL, Priority.WARNING);
        assertEquals(List.of("open by cat", "everything by evil"),
                warn.activeRules().stream().map(r -> r.name()).toList());
        assertEquals(List.of(), names(warn.evaluate("openat", ev("openat", "vi", "/x"))));
    }

    @Test
    void callbackFormAndEventTypeSet() {
        RuleEngine all = new RuleEngine(load(), RuleMatching.ALL, Priority.DEBUG);
        List<String> seen = new ArrayList<>();
        int n = all.evaluate("openat", ev("openat", "cat", "/etc/shadow"), m -> seen.add(m.rule().name()));
        assertEquals(3, n);
        assertEquals(3, seen.size());
        // One rule is unrestricted, so the engine needs every event.
        assertNull(all.eventTypes());
        RuleEngine restricted = new RuleEngine(load(), RuleMatching.ALL, Priority.ERROR);
        assertTrue(restricted.eventTypes() == null, "evil rule is CRITICAL and unrestricted");
        RuleEngine onlyTyped = new RuleEngine(load().rules().stream().filter(r -> !r.eventTypes().all()).toList(),
                RuleMatching.ALL, Priority.DEBUG);
        assertTrue(onlyTyped.eventTypes().containsAll(Set.of("open", "openat")));
        assertFalse(onlyTyped.eventTypes().contains("execve"));
    }

    @Test
    void foldingEventTypeChecksKeepsTheResults() {
        String rules = """
                - rule: a
                  desc: d
                  condition: (evt.type in (open, openat) and proc.name = cat) or (evt.type != creat and proc.name = vi)
                  output: o
                  priority: INFO
                  warn_evttypes: false
                - rule: b
                  desc: d
                  condition: not (evt.type = open or evt.type = execve) and not proc.name in (cat, vi)
                  output: o
                  priority: INFO
                  warn_evttypes: false
                - rule: c
                  desc: d
                  condition: evt.type = openat and (evt.type = openat or proc.name = nope) and evt.type != open
                  output: o
                  priority: INFO
                """;
        LoadResult r = RuleLoader.load(List.of(RuleSource.of("fold.yaml", rules)), TestFields.standard());
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        RuleEngine engine = new RuleEngine(r, RuleMatching.ALL, Priority.DEBUG);
        for (String type : List.of("open", "openat", "creat", "execve", "read")) {
            for (String proc : List.of("cat", "vi", "ls")) {
                TestFields.Ctx ctx = ev(type, proc, "/x");
                List<String> expected = new ArrayList<>();
                r.rules().forEach(rule -> {
                    if (rule.evaluator().eval(ctx)) expected.add(rule.name());
                });
                assertEquals(expected, names(engine.evaluate(type, ctx)), type + "/" + proc);
            }
        }
    }

    @Test
    void throughputOnCompiledRules() {
        RuleEngine first = new RuleEngine(load());
        TestFields.Ctx miss = ev("openat", "vim", "/home/u/x");
        TestFields.Ctx other = ev("read", "vim", "/home/u/x");
        int n = 2_000_000;
        long t0 = System.nanoTime();
        int hits = 0;
        for (int i = 0; i < n; i++) {
            hits += first.evaluate((i & 1) == 0 ? "openat" : "read", (i & 1) == 0 ? miss : other).size();
        }
        double perSec = n / ((System.nanoTime() - t0) / 1e9);
        assertEquals(n / 2, hits);
        // A loose floor that still catches an accidental per-event parse or regex compile.
        assertTrue(perSec > 200_000, "events/s: " + perSec);
    }
}
