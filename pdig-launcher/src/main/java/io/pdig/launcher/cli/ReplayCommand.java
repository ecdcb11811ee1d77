package io.pdig.launcher.cli;

import io.pdig.analyzer.live.Detector;
import io.pdig.journal.Journal;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.ReaderOptions;
import io.pdig.launcher.wiring.Detectors;
import io.pdig.model.event.SessionEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    @Option(names = "--stats", description = "Print 'replay: N events, M alerts, S s, R events/s' on stderr at the end "
            + "(S: the event loop, from the first record; the journal's opening time and the loop's CPU time follow on a second line).")
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
        // Timing for --stats. The rate covers the event loop, from the first record to the last
        // alert flushed; the one-time opening of the journal (Chronicle's start-up, about a second
        // whatever the journal's size) is measured and printed apart, never hidden. CPU time is
        // this thread's: everything (read, checksum, decode, state, rules, alerts) runs on it.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long tFirst = 0;
        long cpuFirst = 0;
        Detector detector = null;
        long skipped;
        try (Journal journal = Journal.openExisting(dir);
             JournalReader reader = journal.reader(ReaderOptions.fromStart().skippingCorrupt(skipCorrupt))) {
            for (JournalRecord rec; (rec = reader.next()) != null; ) {
                if (detector == null) {
                    tFirst = System.nanoTime();
                    cpuFirst = cpuTime(threads);
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
        long tEnd = System.nanoTime();
        long cpuEnd = cpuTime(threads);
        if (detector == null) tFirst = tEnd;
        double secs = (tEnd - tFirst) / 1e9;
        long events = detector == null ? 0 : detector.events();
        if (skipped > 0) {
            System.err.println("pdig: journal " + dir + ": skipped " + skipped + " corrupt record" + (skipped == 1 ? "" : "s"));
        }
        if (stats) {
            System.err.printf("replay: %d events, %d alerts, %.3f s, %.0f events/s%n", events,
                    detector == null ? 0 : detector.alerts(), secs, secs > 0 ? events / secs : 0.0);
            double cpu = (cpuEnd - cpuFirst) / 1e9;
            if (cpuEnd >= 0 && cpuFirst >= 0 && detector != null) {
                System.err.printf("replay: journal opened in %.3f s; event loop used %.3f s of CPU on one thread (%.0f events/CPU-s)%n",
                        (tFirst - t0) / 1e9, cpu, cpu > 0 ? events / cpu : 0.0);
            } else {
                System.err.printf("replay: journal opened in %.3f s%n", (tFirst - t0) / 1e9);
            }
        }
        return 0;
    }

    /** This thread's CPU time in ns, or -1 where the JVM cannot measure it. */
    private static long cpuTime(ThreadMXBean threads) {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}
