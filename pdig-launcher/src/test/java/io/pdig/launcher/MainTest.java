package io.pdig.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cheap look at the raw arguments that starts work before picocli has parsed them. */
class MainTest {

    @Test
    void defaultRulesArePreloadedOnlyWhenNoRuleOptionPrecedesTheCommand() {
        assertTrue(Main.usesDefaultRules(new String[] {"run", "--", "ls"}));
        assertTrue(Main.usesDefaultRules(new String[] {"attach", "-p", "1"}));
        assertTrue(Main.usesDefaultRules(new String[] {"run", "--", "ls", "-r", "x"}), "after -- it is the command's");
        assertFalse(Main.usesDefaultRules(new String[] {"run", "-r", "x.yaml", "--", "ls"}));
        assertFalse(Main.usesDefaultRules(new String[] {"run", "--rules=x.yaml", "ls"}));
        assertFalse(Main.usesDefaultRules(new String[] {"run", "--no-rules", "--", "ls"}));
        assertFalse(Main.usesDefaultRules(new String[] {"replay", "dir"}));
    }

    @Test
    void theJournalOpensEarlyOnlyForATemporaryDefaultJournalWithLiveRules() {
        assertTrue(Main.opensJournalEarly(new String[] {"run", "--", "ls"}));
        assertTrue(Main.opensJournalEarly(new String[] {"run", "-r", "x.yaml", "--", "ls"}));
        assertTrue(Main.opensJournalEarly(new String[] {"attach", "-p", "1"}));
        assertTrue(Main.opensJournalEarly(new String[] {"run", "--", "sh", "--no-rules"}), "after -- it is the command's");
        assertFalse(Main.opensJournalEarly(new String[] {"run", "--journal", "/tmp/j", "--", "ls"}));
        assertFalse(Main.opensJournalEarly(new String[] {"run", "--journal-roll", "hourly", "--", "ls"}));
        assertFalse(Main.opensJournalEarly(new String[] {"run", "--drop", "--", "ls"}));
        assertFalse(Main.opensJournalEarly(new String[] {"run", "--no-rules", "--", "ls"}));
        assertFalse(Main.opensJournalEarly(new String[] {"run", "--no-rules", "--no-journal", "--", "ls"}));
        assertFalse(Main.opensJournalEarly(new String[] {"dump", "dir"}));
    }
}
