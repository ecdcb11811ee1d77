package io.pdig.launcher.e2e;

import io.pdig.launcher.testsupport.PdigRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Rule;
import io.pdig.analyzer.rules.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end over pdig's default rule file: for every rule, a C program that really performs the
 * behaviour (test-programs/src/trig_*.c) must raise that rule's alert under `./pdig run`, and a
 * benign near miss (miss_*.c) must not. Ordinary admin work must raise nothing. Each trigger
 * gets a session of its own, so an alert is attributable to it; the near misses share one session
 * (they must raise none of these rules at all, which is the stronger check, and it saves a pdig
 * start-up per rule).
 *
 * <p>Needs root (several triggers write below /etc, /usr/bin and /var/log, or use AF_PACKET) and
 * the `./pdig` script with a packaged launcher; skipped when the script is absent.
 */
class DefaultRulesE2ETest {

    private static final String RULES_RESOURCE = "/io/pdig/rules/pdig_rules.yaml";

    @TempDir
    static Path work;

    /** Rule name (exactly as in pdig_rules.yaml), trigger program, near-miss program. */
    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("Sensitive file opened for reading", "trig_sensitive_read", "miss_sensitive_read"),
                arguments("File below a binary directory opened for writing", "trig_write_bin_dir", "miss_write_bin_dir"),
                arguments("File below /etc opened for writing", "trig_write_etc", "miss_write_etc"),
                arguments("Shell spawned by a server process", "trig_server_shell", "miss_server_shell"),
                arguments("Symlink created to a sensitive file", "trig_symlink_sensitive", "miss_symlink_sensitive"),
                arguments("Hardlink created to a sensitive file", "trig_hardlink_sensitive", "miss_hardlink_sensitive"),
                arguments("Log file truncated", "trig_log_truncate", "miss_log_truncate"),
                arguments("Program executed from /dev/shm", "trig_dev_shm_exec", "miss_dev_shm_exec"),
                arguments("Fileless execution from memfd", "trig_memfd_exec", "miss_memfd_exec"),
                arguments("Ptrace attach to another process", "trig_ptrace_attach", "miss_ptrace_attach"),
                arguments("Ptrace anti-debug attempt", "trig_ptrace_traceme", "miss_ptrace_traceme"),
                arguments("Search for private keys or cloud credentials", "trig_secret_search", "miss_secret_search"),
                arguments("Data destruction tool launched", "trig_data_destroy", "miss_data_destroy"),
                arguments("Directory traversal to a monitored file", "trig_dir_traversal", "miss_dir_traversal"),
                arguments("Standard stream redirected to a network socket", "trig_reverse_shell", "miss_reverse_shell"),
                arguments("Packet socket created", "trig_packet_socket", "miss_packet_socket"),
                arguments("Kernel module load attempt", "trig_kmod_load", "miss_kmod_load"),
                arguments("Namespace changed by a non-runtime process", "trig_namespace_change", "miss_namespace_change"));
    }

    /** Skips (rather than fails) the runs when the launcher script is not there. */
    private static void needPdig() {
        assumeTrue(Files.isExecutable(PdigRun.pdigScript()),
                PdigRun.pdigScript() + " not found: the launcher script is needed for end-to-end runs");
    }

    /**
     * The default file loads through the same loader `pdig run` uses, with no error and no
     * warning, and every rule in it has a trigger and a near miss in the table above.
     */
    @Test
    void defaultRulesLoadCleanAndEveryRuleIsCovered() {
        LoadResult loaded = RuleLoader.loadResource(RULES_RESOURCE, FieldRegistry.standard());
        assertEquals(List.of(), loaded.errors(), RULES_RESOURCE + ": " + loaded.summary());
        assertEquals(List.of(), loaded.warnings(), RULES_RESOURCE + ": " + loaded.summary());
        Set<String> inFile = loaded.rules().stream().map(Rule::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = rules().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(inFile, tested, "rules in " + RULES_RESOURCE + " vs rules with a trigger in this test");
        rules().forEach(a -> {
            PdigRun.testProgram((String) a.get()[1]);
            PdigRun.testProgram((String) a.get()[2]);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void triggerFiresAndNearMissDoesNot(String rule, String trigger, String nearMiss) throws Exception {
        needPdig();
        PdigRun hit = PdigRun.run(work, PdigRun.testProgram(trigger).toString());
        assertTrue(hit.fired(rule), () -> "'" + rule + "' did not fire for " + trigger + "\n" + hit.transcript);

        PdigRun misses = nearMisses();
        assertFalse(misses.fired(rule), () -> "'" + rule + "' fired during the near misses (" + nearMiss
                + " is the one written for it)\n" + misses.transcript);
    }

    private static PdigRun nearMissRun;

    /**
     * All near misses run once, one after the other in a single pdig session, because a pdig run
     * costs seconds of start-up. xargs runs them rather than a shell, so that no rule's
     * "parent is a shell" exclusion can make a near miss pass for the wrong reason (xargs starts
     * each through env, which execs it in place).
     */
    private static synchronized PdigRun nearMisses() throws Exception {
        if (nearMissRun == null) {
            List<String> programs = rules().map(a -> PdigRun.testProgram((String) a.get()[2]).toString()).toList();
            Path list = Files.write(work.resolve("near-misses.txt"), programs);
            PdigRun run = PdigRun.run(work, "/usr/bin/xargs", "-n", "1", "-a", list.toString(), "/usr/bin/env");
            // xargs exits non-zero when one of them failed: a near miss that did not run proves nothing.
            if (run.exitCode != 0) {
                throw new AssertionError("a near-miss program failed under pdig\n" + run.transcript);
            }
            nearMissRun = run;
        }
        return nearMissRun;
    }

    /**
     * pdig started inside a traced session (an admin's `pdig attach`, or `pdig run` in a monitored
     * shell) seizes its tracee; under the outer pdig that fails with EPERM, and the inner pdig
     * said so. It is a tracer, as pdig_debugger_binaries means it to be, but its process is the
     * JVM (named java), so "Ptrace attach to another process" fired for it. The trigger for that
     * rule runs last in the same session: its alert must be the only one (rules were evaluated).
     */
    @Test
    void pdigInsideASessionIsNoPtraceAttacker() throws Exception {
        needPdig();
        String rule = "Ptrace attach to another process";
        String canary = PdigRun.testProgram("trig_ptrace_attach").toString();
        String script = PdigRun.pdigScript() + " run --no-rules -- /bin/true; echo inner pdig exit $?; " + canary;
        PdigRun run = PdigRun.run(work, "/bin/sh", "-c", script);
        assertTrue(run.transcript.contains("inner pdig exit 1"), "the inner pdig did not fail to trace\n" + run.transcript);
        List<String> attachers = run.alertsOf(rule).stream().map(a -> PdigRun.field(a, "proc.name")).distinct().toList();
        assertEquals(List.of("trig_ptrace_att"), attachers, "only the canary may be reported\n" + run.transcript);
    }

    /**
     * Listing directories, reading ordinary files and archiving documentation raise nothing. A
     * known trigger runs last in the same session as a canary, so a pdig that evaluates no rules
     * at all cannot pass: its alert must be the only one.
     */
    @Test
    void benignWorkloadRaisesNoAlert() throws Exception {
        needPdig();
        String canary = PdigRun.testProgram("trig_sensitive_read").toString();
        String script = "ls -la /usr /etc > /dev/null"
                + " && cat /etc/hostname /etc/os-release > /dev/null"
                // To stdout rather than "cf /dev/null": GNU tar skips reading files for /dev/null.
                + " && tar cf - /usr/share/doc 2> /dev/null > /dev/null"
                + " && " + canary + " > /dev/null";
        PdigRun run = PdigRun.run(work, "/bin/sh", "-c", script);
        List<String> fired = run.rules().stream().distinct().toList();
        assertEquals(List.of("Sensitive file opened for reading"), fired,
                "only the canary's rule may fire during the benign workload\n" + run.transcript);
        assertEquals(0, run.exitCode, "benign workload failed\n" + run.transcript);
    }
}
