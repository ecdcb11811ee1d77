package io.pdig.launcher.cli;

import io.pdig.model.syscall.Arg;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallFlag;
import io.pdig.model.syscall.SyscallTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `pdig syscalls`: the syscall table, as the tracer, the journal and the rules see it. */
@Command(name = "syscalls", mixinStandardHelpOptions = true,
        description = {"List the syscall table: numbers (x86_64, i386), arguments with their kinds, flags, "
                + "and whether the call is in the default traced set.",
                "With --traced, only the calls `pdig run` stops on with the same options: it accepts run's options "
                + "(-r, --no-rules, --trace-set, --syscalls and -a decide; the others are ignored here)."})
public final class SyscallsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--default", description = "Only the default traced set.")
    boolean defaultOnly;

    @Option(names = "--names", description = "Print only the names, comma-separated (for scripts, e.g. strace -e trace=...).")
    boolean namesOnly;

    @Option(names = "--known", description = "Only syscalls with a described row (omit generic sys_N-style rows).")
    boolean knownOnly;

    @Option(names = "--traced", description = "Only the syscalls `pdig run` with these options traces: the loaded rules' "
            + "event types plus what the state tables need, by default (see run's --trace-set).")
    boolean tracedOnly;

    @Mixin
    DetectionOptions detection;

    @Mixin
    TraceOptions trace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Set<String> traced = tracedOnly ? detection.tracedSet(spec.commandLine(), trace) : null;
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
        out.printf("%-22s %6s %6s %-8s %s%n", "NAME", "X86_64", "I386", "DEFAULT", "ARGUMENTS -> RESULT  [FLAGS]");
        for (Syscall s : rows) {
            List<String> args = new ArrayList<>();
            for (Arg a : s.args()) args.add(a.name() + ":" + a.kind().name().toLowerCase());
            List<String> flags = new ArrayList<>();
            for (SyscallFlag f : s.flags()) if (f != SyscallFlag.DEFAULT) flags.add(f.name().toLowerCase());
            out.printf("%-22s %6s %6s %-8s (%s) -> %s:%s  [%s]%n", s.name(), num(s.nr64()), num(s.nr32()),
                    s.has(SyscallFlag.DEFAULT) ? "yes" : "-", String.join(", ", args), s.resultName(),
                    s.ret().name().toLowerCase(), String.join(",", flags));
        }
        out.flush();
        return 0;
    }

    private static String num(int n) {
        return n < 0 ? "-" : Integer.toString(n);
    }
}
