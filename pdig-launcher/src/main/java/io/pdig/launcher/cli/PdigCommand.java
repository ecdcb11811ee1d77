package io.pdig.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level `pdig` command. It only lists the subcommands; each subcommand parses its options
 * and wires modules. Exit codes come from {@link ExitCodes} alone.
 */
@Command(name = "pdig", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Userspace syscall-security agent: trace a program with ptrace + seccomp, journal its "
                + "system calls and evaluate Falco rules on them.",
        subcommands = {RunCommand.class, AttachCommand.class, ReplayCommand.class, DumpCommand.class,
                AnalyzeCommand.class, RulesCommand.class, FieldsCommand.class, SyscallsCommand.class,
                VersionCommand.class, CommandLine.HelpCommand.class})
public final class PdigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PdigCommand());
        cl.setExecutionExceptionHandler(ExitCodes::onExecutionException);
        cl.setParameterExceptionHandler(ExitCodes::onParameterException);
        // `pdig run ls -la` like `strace ls -la`: the first positional ends pdig's options, and
        // everything after it (or after `--`) belongs to the tracee.
        cl.getSubcommands().get("run").setStopAtPositional(true);
        return cl;
    }
}
