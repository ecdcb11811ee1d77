package io.pdig.launcher.cli;

import io.pdig.analyzer.live.Detector;
import io.pdig.journal.Journal;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.ReaderOptions;
import io.pdig.launcher.wiring.Detectors;
import io.pdig.model.event.SessionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `pdig replay DIR`: evaluates the rules over a journal offline, with the same engine as live runs. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate rules over a recorded journal (default rules when no -r).")
public final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    Path dir;

    @Mixin
    DetectionOptions detection;

    @Option(names = "--stats", description = "Print 'replay: N events, M alerts, S s, R events/s' on stderr at the end.")
    boolean stats;

    @Option(names = "--skip-corrupt", description = "Skip damaged records (and say how many) instead of stopping.")
    boolean skipCorrupt;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (!Files.isDirectory(dir)) {
            throw new ExitCodes.UserError("journal " + dir + ": no such directory");
        }
        var rules = RuleSetLoader.load(cl, detection);
        long t0 = System.nanoTime();
        Detector detector = null;
        long skipped;
        try (Journal journal = Journal.openExisting(dir);
             JournalReader reader = journal.reader(ReaderOptions.fromStart().skippingCorrupt(skipCorrupt))) {
            for (JournalRecord rec; (rec = reader.next()) != null; ) {
                if (detector == null) {
                    String host = rec.event() instanceof SessionEvent.Start s ? s.hostname() : io.pdig.launcher.wiring.SessionFacts.hostname();
                    detector = Detectors.create(rules, detection.allMatches(cl), detection.json(cl), detection.alertsFile,
                            detection.webhooks, host, System.err);
                }
                detector.process(rec.seq(), rec.event());
            }
            skipped = reader.skipped();
        } catch (JournalException e) {
            throw new ExitCodes.UserError(e.getMessage(), e);
        } finally {
            if (detector != null) detector.close();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long events = detector == null ? 0 : detector.events();
        if (skipped > 0) {
            System.err.println("pdig: journal " + dir + ": skipped " + skipped + " corrupt record" + (skipped == 1 ? "" : "s"));
        }
        if (stats) {
            System.err.printf("replay: %d events, %d alerts, %.3f s, %.0f events/s%n", events,
                    detector == null ? 0 : detector.alerts(), secs, secs > 0 ? events / secs : 0.0);
        }
        return 0;
    }
}
