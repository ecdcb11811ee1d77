package io.pdig.launcher.cli;

import io.pdig.launcher.wiring.PipelineConfig;
import java.util.List;
import picocli.CommandLine;

/** Turns parsed options into a {@link PipelineConfig}; options stay in cli, wiring sees values. */
final class PipelineConfigs {
    private PipelineConfigs() {
    }

    static PipelineConfig forRun(CommandLine cl, TraceOptions trace, JournalOptions journal, DetectionOptions det,
                                 List<byte[]> command) {
        return build(cl, trace, journal, det, List.copyOf(command), 0);
    }

    static PipelineConfig forAttach(CommandLine cl, TraceOptions trace, JournalOptions journal, DetectionOptions det,
                                    int pid) {
        return build(cl, trace, journal, det, List.of(), pid);
    }

    /**
     * A file output that cannot be written is a usage error before the command starts, in one line
     * naming the option: it would otherwise surface as Java's exception text, or as detection
     * silently switched off. Opened for appending, so an existing file is not changed.
     */
    private static void checkOutputFile(CommandLine cl, String option, String name) {
        if (name.isEmpty()) throw new CommandLine.ParameterException(cl, option + ": expected a file name");
        java.nio.file.Path file = java.nio.file.Path.of(name);
        java.nio.file.Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(cl, option + " " + name + ": no such directory " + parent);
        }
        if (java.nio.file.Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(cl, option + " " + name + ": is a directory, not a file");
        }
        try (java.nio.channels.FileChannel ignored = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)) {
            // writable
        } catch (java.io.IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : String.valueOf(e.getMessage());
            throw new CommandLine.ParameterException(cl, option + " " + name + ": cannot be written (" + why + ")");
        }
    }

    private static PipelineConfig build(CommandLine cl, TraceOptions trace, JournalOptions journal, DetectionOptions det,
                                        List<byte[]> command, int pid) {
        // Outputs are opened later, off the tracee's start-up path: check now what can be checked.
        if (det.alertsFile != null) checkOutputFile(cl, "--alerts", det.alertsFile.toString());
        if (trace.printTo != null && !trace.printTo.equals("-")) checkOutputFile(cl, "--print", trace.printTo);
        for (java.net.URI url : det.webhooks) {
            // A URL that cannot be POSTed to would only show up as "detection disabled" once the
            // command runs: a security agent should refuse to start instead.
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new CommandLine.ParameterException(cl, "--webhook " + url + ": expected an http:// or https:// URL with a host");
            }
        }
        if (journal.noJournal && !det.noRules) {
            throw new CommandLine.ParameterException(cl, "--no-journal: rules are evaluated on the journal; add --no-rules");
        }
        return new PipelineConfig(trace.printTo, trace.printStamps(cl), trace.summarySort(cl), trace.stats, journal.noJournal, journal.journalDir(),
                journal.toConfig(cl),
                det.noRules ? null : () -> RuleSetLoader.load(cl, det), det.json(cl), det.alertsFile, det.webhooks,
                det.allMatches(cl), command, pid, det.namesEveryCall(trace));
    }
}
