package io.pdig.launcher.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level `pdig` command. It only lists the subcommands; each subcommand parses its options
 * and wires modules. Exit codes come from {@link ExitCodes} alone.
 *
 * <p>Every command says {@code addMethodSubcommands = false}: pdig has no method subcommands, and
 * looking for them makes picocli read every method's annotations while it builds the command line
 * (16 ms of the main thread's ~125 before `pdig run` can start its tracee; BENCHMARKS, Start-up).
 */
@Command(name = "pdig", mixinStandardHelpOptions = true, addMethodSubcommands = false, versionProvider = VersionCommand.Provider.class,
        description = "Userspace syscall-security agent: trace a program with ptrace + seccomp, journal its "
                + "system calls and evaluate Falco rules on them.")
public final class PdigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** Every subcommand, in the order `pdig --help` lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand.class);
        SUBCOMMANDS.put("attach", AttachCommand.class);
        SUBCOMMANDS.put("replay", ReplayCommand.class);
        SUBCOMMANDS.put("dump", DumpCommand.class);
        SUBCOMMANDS.put("analyze", AnalyzeCommand.class);
        SUBCOMMANDS.put("rules", RulesCommand.class);
        SUBCOMMANDS.put("fields", FieldsCommand.class);
        SUBCOMMANDS.put("syscalls", SyscallsCommand.class);
        SUBCOMMANDS.put("version", VersionCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    /** The full command line, every subcommand registered (help, completion, tests). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand, only that one
     * is registered. Picocli builds each subcommand's model by reflection up front, which costs
     * hundreds of milliseconds on the path to starting the tracee; the others are not needed.
     */
    public static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new PdigCommand());
        String first = args != null && args.length > 0 ? args[0] : null;
        if (first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first));
        } else {
            SUBCOMMANDS.forEach(cl::addSubcommand);
        }
        cl.setExecutionExceptionHandler(new ExecutionFailure());
        cl.setParameterExceptionHandler(new UsageError());
        // `pdig run ls -la` like `strace ls -la`: the first positional ends pdig's options, and
        // everything after it (or after `--`) belongs to the tracee.
        CommandLine run = cl.getSubcommands().get("run");
        if (run != null) run.setStopAtPositional(true);
        return cl;
    }

    // The two handlers are classes, not method references: a lambda implementing a picocli
    // interface is linked while the class-data archive is dumped, and picocli's classes (Java 5
    // class files) are left out of the archive once linked there, CommandLine with them (the pdig
    // script's CDS archive; docs/BENCHMARKS.md, Start-up).

    private static final class ExecutionFailure implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            return ExitCodes.onExecutionException(ex, cl, parsed);
        }
    }

    private static final class UsageError implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            return ExitCodes.onParameterException(ex, args);
        }
    }
}
