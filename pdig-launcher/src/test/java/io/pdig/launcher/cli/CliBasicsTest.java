package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdig.analyzer.state.StateNeeds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The subcommands that need no tracee, run in-process through the real command line. */
class CliBasicsTest {

    record Out(int code, String out, String err) {
    }

    private static Out pdig(String... args) {
        CommandLine cl = PdigCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Out(code, out.toString(), err.toString());
    }

    private static Path upstreamRules() {
        return Path.of(System.getProperty("pdig.repo.root"), "..", "shared", "falco-rules", "falco_rules.yaml").normalize();
    }

    @Test
    void versionPrintsEachPartOnItsOwn() throws Exception {
        Out o = pdig("version");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(4, lines.size(), o.out());
        assertTrue(lines.get(0).matches("pdig version: \\d+\\.\\d+\\.\\d+"), lines.get(0));
        assertTrue(lines.get(1).matches("Native tracer ABI version: \\d+"), lines.get(1));
        assertTrue(lines.get(2).matches("Journal schema version: \\d+"), lines.get(2));
        assertTrue(lines.get(3).matches("Rule engine version: 0\\.\\d+\\.\\d+"), lines.get(3));
        JsonNode json = new ObjectMapper().readTree(pdig("version", "--json").out());
        for (String k : new String[] {"pdig_version", "native_abi_version", "journal_schema_version", "engine_version"}) {
            assertTrue(json.hasNonNull(k), k + " in " + json);
        }
    }

    @Test
    void syscallsListsTheTableAndTheDefaultSet() {
        Out names = pdig("syscalls", "--default", "--names");
        assertEquals(0, names.code());
        List<String> set = List.of(names.out().trim().split(","));
        assertTrue(set.containsAll(List.of("execve", "openat", "clone3", "ptrace", "memfd_create")), names.out());
        assertFalse(set.contains("read"));
        Out table = pdig("syscalls");
        assertTrue(table.out().lines().anyMatch(l -> l.matches("openat\\s+257\\s+295\\s+yes\\s+\\(dirfd:dirfd, name:path, flags:open_flags, mode:mode\\).*")),
                table.out());
    }

    private static Set<String> names(Out o) {
        assertEquals(0, o.code(), o.err());
        return new TreeSet<>(List.of(o.out().trim().split(",")));
    }

    @Test
    void syscallsTracedListsWhatRunStopsOnWithTheSameOptions() {
        assertEquals(Set.of("close", "openat"), names(pdig("syscalls", "--traced", "--names", "--syscalls", "close,openat")));
        Set<String> state = StateNeeds.syscalls();
        Set<String> defaults = names(pdig("syscalls", "--default", "--names"));
        Set<String> noRules = names(pdig("syscalls", "--traced", "--names", "--no-rules"));
        Set<String> expected = new TreeSet<>(defaults);
        expected.addAll(state);
        assertEquals(expected, noRules, "without rules: the default set plus what the state tables need");
        Set<String> withRules = names(pdig("syscalls", "--traced", "--names"));
        assertTrue(withRules.containsAll(state), withRules.toString());
        assertTrue(withRules.contains("execve") && !withRules.contains("unlinkat"),
                "pdig's default rules need execve, not unlinkat: " + withRules);
        assertTrue(names(pdig("syscalls", "--traced", "--names", "-a")).contains("read"), "-a: everything");
        Out table = pdig("syscalls", "--traced", "--syscalls", "openat");
        assertEquals(2, table.out().lines().count(), "header and one row: " + table.out());
        Out missing = pdig("syscalls", "--traced", "-r", "/nonexistent/rules.yaml");
        assertTrue(missing.code() != 0);
        assertTrue(missing.err().contains("/nonexistent/rules.yaml"), missing.err());
    }

    /**
     * The options that choose run's traced set only filter the table with --traced; without it
     * they were silently ignored and the whole table printed with exit 0.
     */
    @Test
    void tracedSetOptionsWithoutTracedAreUsageErrors() {
        for (String[] option : new String[][] {{"--syscalls", "openat"}, {"-a"}, {"--no-rules"},
                {"--trace-set", "default"}, {"-r", "rules.yaml"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("syscalls"));
            args.addAll(List.of(option));
            Out o = pdig(args.toArray(String[]::new));
            assertEquals(2, o.code(), List.of(option) + ": " + o.out() + o.err());
            assertEquals("", o.out(), "no table printed");
            String first = o.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("pdig: --") && first.contains(": only with --traced"), first);
        }
        Out syscalls = pdig("syscalls", "--syscalls", "openat");
        assertTrue(syscalls.err().startsWith("pdig: --syscalls: only with --traced"), syscalls.err());
        assertTrue(pdig("syscalls", "--help").out().contains("refused without --traced"), "the help says so");
    }

    /** The set `pdig run OPTIONS -- /bin/true` would trace, from run's own parsed options. */
    private static Set<String> runWouldTrace(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("run"));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "/bin/true"));
        CommandLine top = PdigCommand.commandLine(args.toArray(String[]::new));
        CommandLine run = top.parseArgs(args.toArray(String[]::new)).subcommand().commandSpec().commandLine();
        RunCommand cmd = run.getCommand();
        return new TreeSet<>(cmd.detection.tracedSet(run, cmd.trace));
    }

    @Test
    void syscallsTracedAgreesWithRunForTheSameOptions() {
        String rules = upstreamRules().toString();
        for (String[] options : new String[][] {{}, {"--no-rules"}, {"--trace-set", "default"}, {"--trace-set", "all"},
                {"-r", rules}, {"-r", rules, "--trace-set", "default"}, {"--syscalls", "openat,close"}, {"-a"},
                {"--syscalls", "%process,openat"}, {"--syscalls", "!close,%memory"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("syscalls", "--traced", "--names"));
            args.addAll(List.of(options));
            assertEquals(runWouldTrace(options), names(pdig(args.toArray(String[]::new))), String.join(" ", options));
        }
    }

    @Test
    void usageErrorsExitTwoWithOneClearLine() {
        Out unknown = pdig("frobnicate");
        assertEquals(2, unknown.code());
        assertEquals("pdig: Unknown command: 'frobnicate' (see 'pdig --help')", unknown.err().strip());
        Out noCommand = pdig("run");
        assertEquals(2, noCommand.code());
        assertTrue(noCommand.err().contains("CMD"), noCommand.err());
        Out badSyscall = pdig("run", "--syscalls", "openat,bogus", "--", "/bin/true");
        assertEquals(2, badSyscall.code());
        assertEquals("pdig: --syscalls: unknown syscall 'bogus' (see `pdig syscalls`)", badSyscall.err().strip());
        Out badSnapLen = pdig("run", "--snaplen", "65537", "--", "/bin/true");
        assertEquals(2, badSnapLen.code(), badSnapLen.err());
        assertEquals("pdig: --snaplen: must be between 0 and 65536, got 65537 (see 'pdig run --help')",
                badSnapLen.err().strip());
        Out badFormat = pdig("run", "-o", "xml", "--", "/bin/true");
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("--output-format"), badFormat.err());
        // Outputs that could never work refuse the run before the command starts.
        Out badWebhook = pdig("run", "--webhook", "notaurl", "--", "/bin/true");
        assertEquals(2, badWebhook.code(), badWebhook.err());
        assertTrue(badWebhook.err().contains("--webhook notaurl: expected an http:// or https:// URL"), badWebhook.err());
        Out alertsDir = pdig("run", "--alerts", "/tmp", "--", "/bin/true");
        assertEquals(2, alertsDir.code(), alertsDir.err());
        assertTrue(alertsDir.err().contains("--alerts /tmp: is a directory"), alertsDir.err());
        // picocli's own parse errors are one line too, naming where the help is.
        Out unknownOption = pdig("run", "--bogus", "--", "/bin/true");
        assertEquals(2, unknownOption.code());
        assertEquals("pdig: Unknown option: '--bogus' (see 'pdig run --help')", unknownOption.err().strip());
        Out missingDir = pdig("dump");
        assertEquals(2, missingDir.code());
        assertEquals("pdig: Missing required parameter: 'DIR' (see 'pdig dump --help')", missingDir.err().strip());
        for (Out o : List.of(unknown, noCommand, badSyscall, badFormat, badWebhook, alertsDir)) {
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
    }

    /**
     * A rule file that cannot be loaded stops the run before the command starts whatever chooses
     * the traced set: with -a or --syscalls the command ran with detection disabled and exit 0.
     */
    @Test
    void aMissingRuleFileFailsTheRunAlsoWithANamedSet(@TempDir Path tmp) {
        String missing = tmp.resolve("missing.yaml").toString();
        for (String[] named : new String[][] {{"-a"}, {"--syscalls", "openat"}, {}}) {
            List<String> args = new java.util.ArrayList<>(List.of("run", "--journal", tmp.resolve("j").toString(), "-r", missing));
            args.addAll(List.of(named));
            args.addAll(List.of("--", "touch", tmp.resolve("ran").toString()));
            Out o = pdig(args.toArray(String[]::new));
            assertEquals(1, o.code(), List.of(named) + ": " + o.err());
            assertTrue(o.err().contains("missing.yaml: cannot read rule file (no such file)"), o.err());
            assertFalse(Files.exists(tmp.resolve("ran")), "the command must not run: " + List.of(named));
            List<String> query = new java.util.ArrayList<>(List.of("syscalls", "--traced", "--names", "-r", missing));
            query.addAll(List.of(named));
            Out traced = pdig(query.toArray(String[]::new));
            assertEquals(1, traced.code(), "syscalls --traced " + List.of(named) + ": " + traced.err());
        }
    }

    /** An output file that cannot be written is a usage error naming the option, before the command runs. */
    @Test
    void unwritableOutputFilesAreUsageErrors(@TempDir Path tmp) {
        String ran = tmp.resolve("ran").toString();
        String[][] cases = {
            {"--print", tmp.toString(), "--print " + tmp + ": is a directory, not a file"},
            {"--print", "", "--print: expected a file name"},
            {"--print", "/sys/pdig-test-file", "--print /sys/pdig-test-file: cannot be written ("},
            {"--alerts", "/sys/pdig-test-file", "--alerts /sys/pdig-test-file: cannot be written ("},
        };
        for (String[] c : cases) {
            Out o = pdig("run", c[0], c[1], "--", "touch", ran);
            assertEquals(2, o.code(), List.of(c) + ": " + o.err());
            assertTrue(o.err().contains(c[2]), o.err());
            assertFalse(Files.exists(Path.of(ran)), "the command must not run: " + List.of(c));
        }
    }

    /** A directory or a binary file given as rules: said plainly, not as a Java exception's name. */
    @Test
    void unreadableRuleFilesAreSaidPlainly(@TempDir Path tmp) throws Exception {
        Path binary = tmp.resolve("rules.bin");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        Out bin = pdig("syscalls", "--traced", "--names", "-r", binary.toString());
        assertEquals(1, bin.code(), bin.err());
        assertTrue(bin.err().contains("not UTF-8 text") && !bin.err().contains("Exception"), bin.err());
        Out dir = pdig("syscalls", "--traced", "--names", "-r", tmp.toString());
        assertEquals(1, dir.code(), dir.err());
        assertTrue(dir.err().contains("is a directory, not a rule file") && !dir.err().contains("Exception"), dir.err());
    }

    @Test
    void rulesValidateLoadsUpstreamFilesLikeFalco() {
        Out o = pdig("rules", "validate", upstreamRules().toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("25 rules, 87 macros, 49 lists loaded"), o.out());
    }

    @Test
    void rulesValidateReportsPositionAndFails(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("rules.yaml");
        Files.writeString(bad, "- rule: r\n  desc: d\n  condition: evt.type = open and proc.nosuchfield = x\n  output: o\n  priority: WARNING\n");
        Out o = pdig("rules", "validate", bad.toString());
        assertEquals(1, o.code());
        String all = o.out() + o.err();
        assertTrue(all.contains("rules.yaml:3:"), all);
        assertTrue(all.contains("proc.nosuchfield"), all);
        assertFalse(all.contains("\tat "), "no stack trace");
        Out missing = pdig("rules", "validate", tmp.resolve("nope.yaml").toString());
        assertEquals(1, missing.code());
    }

    /**
     * A rule file without rules, macros or lists (empty, only comments) was accepted silently: one
     * warning line on stderr names it, and the command goes on with its usual exit status.
     */
    @Test
    void anEmptyRuleFileIsWarnedAboutAndTheCommandGoesOn(@TempDir Path tmp) throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
        Path comments = Files.writeString(tmp.resolve("comments.yaml"), "# nothing yet\n\n# still nothing\n");
        Path list = Files.writeString(tmp.resolve("list.yaml"), "- list: l\n  items: [a]\n");
        String warnEmpty = "pdig: warning: " + empty + ": rule file has no rules, macros or lists";
        String warnComments = "pdig: warning: " + comments + ": rule file has no rules, macros or lists";

        Out validate = pdig("rules", "validate", empty.toString(), comments.toString(), list.toString());
        assertEquals(0, validate.code(), validate.err());
        assertEquals(List.of(warnEmpty, warnComments), validate.err().lines().toList());
        assertTrue(validate.out().contains("0 rules, 0 macros, 1 list loaded"), validate.out());
        assertEquals("", pdig("rules", "validate", "-q", empty.toString()).err(), "-q: no warnings");

        Out list2 = pdig("rules", "list", "-r", comments.toString());
        assertEquals(0, list2.code(), list2.err());
        assertEquals(List.of(warnComments), list2.err().lines().toList());

        // The loader run, replay and analyze use: warned once, without --debug.
        Out traced = pdig("syscalls", "--traced", "--names", "-r", empty.toString());
        assertEquals(0, traced.code(), traced.err());
        assertEquals(List.of(warnEmpty), traced.err().lines().toList());
        assertTrue(names(traced).contains("execve"), "the state tables' calls are still traced");

        Out withRules = pdig("rules", "validate", list.toString());
        assertEquals("", withRules.err(), "a file with a list is not empty");
    }

    /**
     * An error inside a macro is located in the macro's condition; `run -r` also named the rule
     * that uses it, validate and list did not. Now all three print the same line.
     */
    @Test
    void anErrorInAMacroNamesTheRuleThatUsesItEverywhere(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("m.yaml"), """
                - macro: bad_macro
                  condition: proc.nosuchfield = x

                - rule: r6
                  desc: d
                  condition: evt.type = open and bad_macro
                  output: o
                  priority: WARNING
                """);
        String line = f + ":2:14: error: unknown field proc.nosuchfield (in rule 'r6')";
        Out validate = pdig("rules", "validate", f.toString());
        assertEquals(1, validate.code());
        assertEquals(line, validate.out().lines().findFirst().orElse(""), validate.out());
        Out list = pdig("rules", "list", "-r", f.toString());
        assertEquals(1, list.code());
        assertEquals(line, list.err().lines().findFirst().orElse(""), list.err());
        Out run = pdig("syscalls", "--traced", "-r", f.toString()); // run's loader, without a trace
        assertEquals(1, run.code());
        assertEquals(line + " [LOAD_ERR_COMPILE_CONDITION]", run.err().lines().findFirst().orElse(""), run.err());
    }

    @Test
    void fieldsListsEveryFieldWithADescription() {
        Out o = pdig("fields");
        assertEquals(0, o.code());
        for (String f : new String[] {"proc.name", "proc.aname", "fd.name", "fd.sip", "evt.type", "user.name", "container.id"}) {
            assertTrue(o.out().contains(f), f);
        }
        // The domain-name fields have values now, from DNS at analysis time, and say so.
        for (String f : new String[] {"fd.cip.name", "fd.sip.name", "fd.lip.name", "fd.rip.name"}) {
            String line = o.out().lines().filter(l -> l.startsWith(f + " ")).findFirst().orElse("");
            assertTrue(line.contains("resolved by DNS when the events are analysed"), line);
            assertFalse(line.contains("(pdig: no value)"), line);
        }
        // Fields that need the whole fd table say why they have none.
        for (String f : new String[] {"proc.fdopencount", "fd.types[n]?"}) {
            String line = o.out().lines().filter(l -> l.startsWith(f + " ")).findFirst().orElse("");
            assertTrue(line.contains("the journal does not show every fd") && line.endsWith("(pdig: no value)"), line);
        }
    }
}
