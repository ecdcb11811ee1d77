package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.RuleLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default rules' syscall types written by the build are the ones the rules give: `pdig run`
 * builds its seccomp filter from the written set without waiting for the rules to load, so a
 * stale set would leave some rule's events untraced.
 */
class DefaultRuleTypesTest {

    @Test
    void theSetWrittenByTheBuildIsTheSetTheDefaultRulesGive() {
        Set<String> built = DefaultRuleTypes.fromBuild();
        assertNotNull(built, DefaultRuleTypes.RESOURCE + " is missing: the launcher's build writes it (process-classes)");
        LoadResult rules = RuleLoader.loadResource(RuleSetLoader.DEFAULT_RULES, FieldRegistry.standard());
        assertFalse(rules.hasErrors(), rules.errors().toString());
        assertEquals(DefaultRuleTypes.of(rules), built);
        // Sanity: the defaults watch process starts and file opens.
        assertTrue(built.contains("execve") && built.contains("openat"), built.toString());
    }

    /**
     * No default rule compares fd.*ip.name with a name: a run with the defaults starts no DNS
     * thread and sends no DNS query (the Detector starts lookups only for the engine's names).
     */
    @Test
    void theDefaultRulesResolveNoDomainName() {
        LoadResult rules = RuleLoader.loadResource(RuleSetLoader.DEFAULT_RULES, FieldRegistry.standard());
        assertEquals(Set.of(), new RuleEngine(rules).domainNames());
    }
}
