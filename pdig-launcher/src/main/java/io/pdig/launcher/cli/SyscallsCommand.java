package io.pdig.launcher.cli;

import io.pdig.model.syscall.Arg;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallClass;
import io.pdig.model.syscall.SyscallFlag;
import io.pdig.model.syscall.SyscallTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `pdig syscalls`: the syscall table, as the tracer, the journal and the rules see it. */
@Command(name = "syscalls", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = {"List the syscall table: numbers (x86_64, i386), arguments with their kinds, flags, "
                + "whether the call is in the default traced set, and its strace classes (for --syscalls %%file...).",
                "With --traced, only the calls `pdig run` stops on with the same -r, --no-rules, --trace-set, "
                + "--syscalls and -a; those five options choose the traced set, so they are refused without --traced."})
public final class SyscallsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--default", description = "Only the default traced set.")
    boolean defaultOnly;

    @Option(names = "--names", description = "Print only the names, comma-separated (for scripts, e.g. strace -e trace=...).")
    boolean namesOnly;

    @Option(names = "--known", description = "Only syscalls with a described row (omit generic sys_N-style rows).")
    boolean knownOnly;

    @Option(names = "--traced", description = "Only the syscalls `pdig run` traces with the same -r, --no-rules, --trace-set, "
            + "--syscalls and -a (by default the loaded rules' event types plus what the state tables need).")
    boolean tracedOnly;

    // run's options that decide its traced set, declared again so that run's other options stay out
    // of this command's help; the same names and default, and run's own code checks and combines
    // them (CliBasicsTest compares the result with what run computes).
    @Option(names = {"-r", "--rules"}, paramLabel = "FILE", description = "Only with --traced: as for run (default: pdig's own rules).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-rules", description = "Only with --traced: as for run.")
    boolean noRules;

    @Option(names = "--trace-set", paramLabel = "rules|default|all", defaultValue = DetectionOptions.DEFAULT_TRACE_SET,
            description = "Only with --traced: as for run (default: ${DEFAULT-VALUE}).")
    String traceSet;

    @Option(names = "--syscalls", split = ",", paramLabel = "NAME", description = "Only with --traced: as for run.")
    List<String> syscalls;

    @Option(names = {"-a", "--all"}, description = "Only with --traced: as for run.")
    boolean all;

    /** run's options that only choose the traced set, as they are spelled in a usage error. */
    private static final List<String> TRACED_SET_OPTIONS = List.of("--rules", "--no-rules", "--trace-set", "--syscalls", "--all");

    /**
     * Without --traced the table is not filtered by the traced set, so an option that only chooses
     * that set would be silently ignored: a usage error instead, naming the option (the help says
     * they apply with --traced only).
     */
    private void refuseTracedSetOptionsWithoutTraced() {
        if (tracedOnly) return;
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (String name : TRACED_SET_OPTIONS) {
            if (parsed.hasMatchedOption(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        name + ": only with --traced (without it the whole table is listed)");
            }
        }
    }

    /** The set `pdig run` with these options traces, computed by run's own code. */
    private Set<String> tracedSet() {
        DetectionOptions detection = new DetectionOptions();
        detection.rules = rules;
        detection.noRules = noRules;
        detection.traceSet = traceSet;
        TraceOptions trace = new TraceOptions();
        trace.syscalls = syscalls;
        trace.all = all;
        return detection.tracedSet(spec.commandLine(), trace);
    }

    @Override
    public Integer call() {
        refuseTracedSetOptionsWithoutTraced();
        PrintWriter out = spec.commandLine().getOut();
        Set<String> traced = tracedOnly ? tracedSet() : null;
        List<Syscall> rows = new ArrayList<>();
        for (Syscall s : SyscallTable.all()) {
            if (defaultOnly && !s.has(SyscallFlag.DEFAULT)) continue;
            if (traced != null && !traced.contains(s.name())) continue;
            if (knownOnly && s.flags().isEmpty() && s.args().size() == 6 && s.args().get(0).name().equals("arg0")) continue;
            rows.add(s);
        }
        if (namesOnly) {
            List<String> names = new ArrayList<>();
            for (Syscall s : rows) names.add(s.name());
            out.println(String.join(",", names));
            out.flush();
            return 0;
        }
        out.printf("%-22s %6s %6s %-8s %s%n", "NAME", "X86_64", "I386", "DEFAULT", "ARGUMENTS -> RESULT  [FLAGS]  STRACE CLASSES");
        for (Syscall s : rows) {
            List<String> args = new ArrayList<>();
            for (Arg a : s.args()) args.add(a.name() + ":" + a.kind().name().toLowerCase());
            List<String> flags = new ArrayList<>();
            for (SyscallFlag f : s.flags()) if (f != SyscallFlag.DEFAULT) flags.add(f.name().toLowerCase());
            List<String> classes = new ArrayList<>();
            for (SyscallClass c : s.classes()) classes.add(c.spelled());
            out.printf("%-22s %6s %6s %-8s (%s) -> %s:%s  [%s]  %s%n", s.name(), num(s.nr64()), num(s.nr32()),
                    s.has(SyscallFlag.DEFAULT) ? "yes" : "-", String.join(", ", args), s.resultName(),
                    s.ret().name().toLowerCase(), String.join(",", flags), classes.isEmpty() ? "-" : String.join(",", classes));
        }
        out.flush();
        return 0;
    }

    private static String num(int n) {
        return n < 0 ? "-" : Integer.toString(n);
    }
}
