package io.pdig.launcher.cli;

import io.pdig.journal.JournalConfig;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Mixin for the journal options of `run` and `attach`. */
public final class JournalOptions {

    @Option(names = "--journal", paramLabel = "DIR",
            description = "Keep the journal in DIR (created with mode 0700; an existing journal is appended to, "
                    + "sequence numbers continuing). Default: a temporary journal, removed at exit.")
    Path journal;

    @Option(names = "--journal-roll", paramLabel = "hourly|daily", defaultValue = "daily",
            description = "Start a new journal file every hour or every day (default: ${DEFAULT-VALUE}).")
    String roll;

    @Option(names = "--journal-retain", paramLabel = "N", defaultValue = "0",
            description = "Keep only the newest N journal files, deleting older ones as new ones start (default: 0 = keep all).")
    int retain;

    @Option(names = "--drop",
            description = "Never slow the traced program down for the journal: when its buffer is full, drop events "
                    + "(counted, and recorded as a dropped-events notice). Default: wait, never drop.")
    boolean drop;

    @Option(names = "--no-journal", hidden = true,
            description = "Benchmarks only: keep no journal at all (needs --no-rules), to measure what journaling costs.")
    boolean noJournal;

    /** The --journal directory, or null for a temporary journal. */
    public Path journalDir() {
        return journal;
    }

    /** The journal settings; bad values are usage errors naming the option. */
    public JournalConfig toConfig(CommandLine cl) {
        JournalConfig.Roll r;
        try {
            r = JournalConfig.Roll.parse(roll);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (retain < 0) {
            throw new CommandLine.ParameterException(cl, "--journal-retain: must be >= 0, got " + retain);
        }
        return JournalConfig.defaults()
                .withRoll(r)
                .withRetain(retain)
                .withOverflow(drop ? JournalConfig.Overflow.DROP : JournalConfig.Overflow.BLOCK);
    }
}
