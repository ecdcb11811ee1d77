package io.pdig.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.analyzer.fields.FieldRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The upstream Falco rule files must load with zero errors through the real field registry.
 * The files are read from the shared checkout next to the repository (never copied into it).
 */
class UpstreamRulesTest {
    private static final Path DIR = Path.of(System.getProperty("pdig.repo.root", "."), "..", "shared", "falco-rules");

    private static Path file(String name) {
        Path p = DIR.resolve(name).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), "upstream rules not available at " + p);
        return p;
    }

    /** Fields referenced by the files that the registry does not know, for a useful failure message. */
    private static Set<String> missingFields(List<Path> files) throws Exception {
        FieldRegistry reg = FieldRegistry.standard();
        Set<String> missing = new TreeSet<>();
        Pattern field = Pattern.compile("%?\\b([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+)");
        for (Path f : files) {
            Matcher m = field.matcher(Files.readString(f));
            while (m.find()) {
                String name = m.group(1);
                if (name.matches("[0-9.]+") || name.endsWith(".yaml") || name.contains("..")) continue;
                if (!name.matches("(evt|proc|fd|user|group|container|k8s|thread|fs|proc)\\..*")) continue;
                if (reg.lookup(name) == null) missing.add(name);
            }
        }
        return missing;
    }

    private static void assertLoads(List<Path> files, int rules, int macros, int lists) throws Exception {
        LoadResult r = RuleLoader.loadFiles(files, FieldRegistry.standard());
        List<String> errors = new ArrayList<>();
        r.errors().forEach(e -> errors.add(e.formatVerbose()));
        assertTrue(errors.isEmpty(), () -> "load errors: " + errors + "; fields unknown to FieldRegistry: "
                + missingFieldsQuietly(files));
        assertEquals(rules + " rules, " + macros + " macros, " + lists + " lists loaded",
                r.summary().replaceFirst(" \\(.*$", ""));
    }

    private static Set<String> missingFieldsQuietly(List<Path> files) {
        try {
            return missingFields(files);
        } catch (Exception e) {
            return Set.of("?" + e);
        }
    }

    @Test
    void stableFileAloneLoadsWithoutErrors() throws Exception {
        assertLoads(List.of(file("falco_rules.yaml")), 25, 87, 49);
    }

    @Test
    void threeFilesTogetherLoadWithoutErrors() throws Exception {
        List<Path> files = List.of(file("falco_rules.yaml"), file("falco-incubating_rules.yaml"),
                file("falco-sandbox_rules.yaml"));
        LoadResult r = RuleLoader.loadFiles(files, FieldRegistry.standard());
        List<String> errors = new ArrayList<>();
        r.errors().forEach(e -> errors.add(e.formatVerbose()));
        assertTrue(errors.isEmpty(), () -> "load errors: " + errors + "; fields unknown to FieldRegistry: "
                + missingFieldsQuietly(files));
        assertEquals(93, r.rules().size());
        assertEquals(81, r.rules().stream().filter(Rule::enabled).count());
        // Every upstream rule is restricted to a finite set of event types.
        for (Rule rule : r.rules()) {
            assertTrue(!rule.eventTypes().all() && rule.eventTypes().size() <= 100, rule.name());
        }
        assertTrue(r.warnings().stream().noneMatch(w -> w.code() == LoadCode.LOAD_NO_EVTTYPE));
    }
}
