package io.pdig.launcher.cli;

import io.pdig.analyzer.live.Detector;
import io.pdig.journal.Journal;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.ReaderOptions;
import io.pdig.launcher.wiring.Detectors;
import io.pdig.launcher.wiring.SessionFacts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `pdig analyze [--follow] DIR`: the sidecar mode. Evaluates the rules over a journal that another
 * pdig writes (for example on a shared volume), with a named reader so that a restarted sidecar
 * resumes where it stopped. With --follow it waits for the journal to appear and for new records,
 * across restarts of the writer, until SIGINT/SIGTERM.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, addMethodSubcommands = false, sortOptions = false,
        description = "Evaluate rules over a journal that another pdig writes (sidecar mode).")
public final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    Path dir;

    @Option(names = {"-f", "--follow"}, description = "Keep waiting for new records (and for the journal to appear).")
    boolean follow;

    @Option(names = "--reader", paramLabel = "NAME", defaultValue = "sidecar",
            description = "Name of the resumable reader (default: ${DEFAULT-VALUE}).")
    String readerName;

    @Option(names = "--skip-corrupt", description = "Skip damaged records and, without --follow, store files whose header "
            + "is damaged (and say which and how many) instead of stopping.")
    boolean skipCorrupt;

    @Mixin
    DetectionOptions detection;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        var rules = RuleSetLoader.load(cl, detection);
        AtomicReference<JournalReader> current = new AtomicReference<>();
        int[] stopSignal = new int[1];
        Detector detector = Detectors.create(rules, detection.allMatches(cl), detection.json(cl), detection.alertsFile,
                detection.webhooks, SessionFacts.hostname(), System.err);
        try (SignalForwarder ignored = new SignalForwarder(sig -> {
            stopSignal[0] = sig;
            JournalReader r = current.get();
            if (r != null) r.close();
        });
             Journal journal = Journal.openExisting(dir);
             JournalReader reader = journal.reader(readerName,
                     new ReaderOptions(0, follow, skipCorrupt, Duration.ofMillis(5)))) {
            current.set(reader);
            Detectors.awaitDomainNames(detector, System.err);
            for (JournalRecord rec; (rec = reader.next()) != null; ) {
                // A new SessionEvent.Start (the writer restarted) is just another record: keep going.
                detector.process(rec.seq(), rec.event());
            }
            // Unreadable store files left out (--skip-corrupt without --follow): named, as dump does.
            for (String d : reader.damage()) System.err.println("pdig: " + d + ": its records were skipped");
            if (reader.skipped() > 0) {
                System.err.println("pdig: journal " + dir + ": skipped " + reader.skipped() + " corrupt records");
            }
        } catch (JournalException e) {
            throw new ExitCodes.UserError(e.getMessage(), e);
        } finally {
            detector.close();
        }
        return 0;
    }
}
