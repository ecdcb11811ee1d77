package io.pdig.launcher.cli;

import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.LoadMessage;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Rule;
import io.pdig.analyzer.rules.RuleLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `pdig rules validate FILE...` (like `falco -V`: load the files in order, print every error and
 * warning as file:line:col, then the summary; exit 1 when there are errors) and `pdig rules list`
 * (the rules of the given files, or of pdig's default rules, with priority, source, state and tags).
 */
@Command(name = "rules", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Validate or list Falco-compatible rule files.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.ListRules.class})
public final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: validate or list");
    }

    /** Fails with one line when a file cannot be read, before anything is loaded. */
    static void requireReadable(List<Path> files) {
        for (Path p : files) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                String why = !Files.exists(p) ? "no such file" : Files.isDirectory(p) ? "is a directory" : "permission denied";
                throw new ExitCodes.UserError(p + ": cannot read rule file (" + why + ")");
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "Load rule files in order (later files may override earlier ones) and report every "
                    + "error and warning with its file:line:column. Exit status 0 when there is no error, 1 otherwise.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule files, loaded in this order.")
        List<Path> files = new ArrayList<>();

        @Option(names = {"-v", "--verbose"}, description = "Also show the item and the Falco result code of each message.")
        boolean verbose;

        @Option(names = {"-q", "--quiet"}, description = "Do not print warnings.")
        boolean quiet;

        @Override
        public Integer call() {
            requireReadable(files);
            LoadResult r = RuleLoader.loadFiles(files, FieldRegistry.standard());
            if (!quiet) RuleSetLoader.warnEmptyFiles(spec.commandLine().getErr(), r);
            PrintWriter out = spec.commandLine().getOut();
            for (LoadMessage m : r.messages()) {
                if (quiet && !m.isError()) continue;
                // Errors name their item as run does (an error in a macro: the rule that uses it).
                out.println(verbose ? m.formatVerbose() : m.isError() ? m.formatWithItem() : m.format());
                // Errors show where they are, like a compiler; warnings only when asked.
                if ((m.isError() || verbose) && !m.snippet().isEmpty()) out.println(m.snippet());
            }
            out.println(r.summary());
            out.flush();
            return r.hasErrors() ? ExitCodes.FAILURE : 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "List the rules of the given rule files (default: pdig's built-in rules): name, priority, "
                    + "source, enabled, tags.")
    static final class ListRules implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = {"-r", "--rules"}, paramLabel = "FILE",
                description = "Rule file to load; repeat to load several in order.")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            LoadResult r;
            if (files.isEmpty()) {
                r = RuleLoader.loadResource(RuleSetLoader.DEFAULT_RULES, FieldRegistry.standard());
            } else {
                requireReadable(files);
                r = RuleLoader.loadFiles(files, FieldRegistry.standard());
                RuleSetLoader.warnEmptyFiles(spec.commandLine().getErr(), r);
            }
            if (r.hasErrors()) {
                PrintWriter err = spec.commandLine().getErr();
                for (LoadMessage e : r.errors()) {
                    err.println(e.formatWithItem());
                    if (!e.snippet().isEmpty()) err.println(e.snippet());
                }
                err.flush();
                throw new ExitCodes.UserError("rules failed to load (" + r.errors().size() + " error"
                        + (r.errors().size() == 1 ? "" : "s") + ")");
            }
            PrintWriter out = spec.commandLine().getOut();
            int width = 4;
            for (Rule rule : r.rules()) width = Math.max(width, rule.name().length());
            String fmt = "%-" + width + "s  %-13s  %-8s  %-7s  %s%n";
            out.printf(fmt, "RULE", "PRIORITY", "SOURCE", "ENABLED", "TAGS");
            for (Rule rule : r.rules()) {
                out.printf(fmt, rule.name(), rule.priority().name(), rule.source(), rule.enabled() ? "yes" : "no",
                        String.join(",", rule.tagList()));
            }
            out.println(r.summary());
            out.flush();
            return 0;
        }
    }
}
