package io.pdig.launcher.cli;

import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.render.LineStamps;
import io.pdig.model.render.SummarySort;
import io.pdig.model.syscall.SyscallSelector;
import io.pdig.model.syscall.SyscallTable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by `run` and `attach`: what to trace and how to show it. */
public final class TraceOptions {

    @Option(names = "--print", paramLabel = "FILE",
            description = "Write one strace-like line per event to FILE ('-' = stderr).")
    String printTo;

    @Option(names = "-t", description = TimestampOption.DESCRIPTION + " Only with --print.")
    boolean[] timestamps;

    @Option(names = "-T", description = TimestampOption.DURATION_DESCRIPTION + " Only with --print.")
    boolean durations;

    @Option(names = {"-c", "--summary"}, description = SummaryOption.DESCRIPTION + " At the end, on stderr.")
    boolean summary;

    @Option(names = {"-S", "--summary-sort-by"}, paramLabel = "SORTBY", description = SummaryOption.SORT_DESCRIPTION)
    String summarySort;

    // picocli formats descriptions (String.format): %% shows one %.
    @Option(names = "--syscalls", split = ",", paramLabel = "NAME",
            description = "Trace exactly these syscalls: comma-separated names from `pdig syscalls` and strace's classes, "
                    + "written %%CLASS (file, process, network or net, signal, ipc, desc, memory, creds, clock, stat, lstat, "
                    + "fstat, %%stat, statfs, fstatfs, %%statfs, pure), e.g. %%process,openat. A '!' in front traces every "
                    + "syscall but those: '!close,%%memory'.")
    List<String> syscalls;

    @Option(names = {"-a", "--all"}, description = "Trace every syscall.")
    boolean all;

    @Option(names = {"-s", "--string-limit"}, paramLabel = "BYTES", defaultValue = "" + LaunchSpec.DEFAULT_STRING_LIMIT,
            description = "Maximum bytes read for one string argument (default: ${DEFAULT-VALUE}).")
    int stringLimit;

    @Option(names = "--snaplen", paramLabel = "BYTES", defaultValue = "" + LaunchSpec.DEFAULT_SNAPLEN,
            description = "Maximum bytes captured of one call's data (read, write, pread64, pwrite64, recvfrom, sendto; the readv/writev "
                    + "family and sendmsg/recvmsg over all their segments; sendmmsg/recvmmsg per message, of the first 32) "
                    + "(default: ${DEFAULT-VALUE}, "
                    + "as Falco; at most 65536). --print shows the first 32 of them, as strace does; rules "
                    + "(evt.buffer) see all.")
    int snapLen;

    @Option(names = "--stats", description = "Print tracer, journal and analyzer counters on stderr at exit.")
    boolean stats;

    /** The syscall set to trace, validated against the table (unknown names are usage errors). */
    Set<String> syscallSet(CommandLine cl) {
        if (all && syscalls != null) {
            throw new CommandLine.ParameterException(cl, "--all and --syscalls cannot be combined");
        }
        if (all) {
            Set<String> names = new TreeSet<>();
            SyscallTable.all().forEach(s -> names.add(s.name()));
            return names;
        }
        if (syscalls == null) {
            return SyscallTable.defaultSet();
        }
        try {
            return SyscallSelector.select(syscalls);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--syscalls: " + e.getMessage());
        }
    }

    /** The stamps for --print lines, or null; -t or -T without --print would stamp nothing: a usage error. */
    LineStamps printStamps(CommandLine cl) {
        LineStamps stamps = TimestampOption.stamps(cl, timestamps, durations);
        if (stamps != null && printTo == null) {
            throw new CommandLine.ParameterException(cl, (durations ? "-T" : "-t") + ": only with --print (it stamps the printed lines)");
        }
        return stamps;
    }

    /** The -c table's order, or null without -c (see {@link SummaryOption#sort}). */
    SummarySort summarySort(CommandLine cl) {
        return SummaryOption.sort(cl, summary, summarySort);
    }

    int stringLimit(CommandLine cl) {
        if (stringLimit < 16 || stringLimit > (1 << 20)) {
            throw new CommandLine.ParameterException(cl, "--string-limit: must be between 16 and 1048576, got " + stringLimit);
        }
        return stringLimit;
    }

    int snapLen(CommandLine cl) {
        if (snapLen < 0 || snapLen > LaunchSpec.MAX_SNAPLEN) {
            throw new CommandLine.ParameterException(cl, "--snaplen: must be between 0 and " + LaunchSpec.MAX_SNAPLEN
                    + ", got " + snapLen);
        }
        return snapLen;
    }
}
