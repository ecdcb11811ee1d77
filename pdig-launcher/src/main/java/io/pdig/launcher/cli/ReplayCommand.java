package io.pdig.launcher.cli;

import io.pdig.analyzer.live.Detector;
import io.pdig.analyzer.rules.LoadResult;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `pdig replay DIR`: evaluates the rules over a journal offline, with the same engine as live runs. */
@Command(name = "replay", mixinStandardHelpOptions = true, addMethodSubcommands = false, sortOptions = false,
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
            + "as the last line (S: the event loop, from the first record; the line before gives the start-up time and the loop's CPU time).")
    boolean stats;

    @Option(names = "--skip-corrupt", description = "Skip damaged records and store files whose header is damaged (and say which and how many) "
            + "instead of stopping.")
    boolean skipCorrupt;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (!Files.isDirectory(dir)) {
            // Said as openExisting says it for analyze and --follow: a file is not a missing directory.
            throw new ExitCodes.UserError("journal " + dir + (Files.exists(dir) ? ": not a directory" : ": no such directory"));
        }
        // Rule compilation and Chronicle's start-up (each about a second, whatever the journal's
        // size) overlap: the rules load on their own thread while this one opens the journal and
        // reads the first record. Every event is then read, checked, decoded and evaluated on this
        // thread alone. A rule error still wins over a journal error, as when loading came first.
        FutureTask<LoadResult> rulesTask = new FutureTask<>(() -> RuleSetLoader.load(cl, detection));
        Thread loader = new Thread(rulesTask, "pdig-rule-loader");
        loader.setDaemon(true);
        loader.start();
        // Timing for --stats. The rate covers the event loop, from the first record (rules ready)
        // to the last alert flushed; the start-up before it is measured and printed apart, never
        // hidden. CPU time is this thread's: the whole per-event path runs on it.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long tFirst = 0;
        long cpuFirst = 0;
        Detector detector = null;
        long skipped;
        java.util.List<String> damage;
        try (Journal journal = Journal.openExisting(dir);
             JournalReader reader = journal.reader(ReaderOptions.fromStart().skippingCorrupt(skipCorrupt))) {
            for (JournalRecord rec; (rec = reader.next()) != null; ) {
                if (detector == null) {
                    LoadResult rules = await(rulesTask);
                    tFirst = System.nanoTime();
                    cpuFirst = cpuTime(threads);
                    String host = rec.event() instanceof SessionEvent.Start s ? s.hostname() : io.pdig.launcher.wiring.SessionFacts.hostname();
                    detector = Detectors.create(rules, detection.allMatches(cl), detection.json(cl), detection.alertsFile,
                            detection.webhooks, host, System.err);
                    // Waiting for DNS is start-up, not event loop.
                    tFirst += Detectors.awaitDomainNames(detector, System.err);
                }
                detector.process(rec.seq(), rec.event());
            }
            skipped = reader.skipped();
            damage = reader.damage();
        } catch (JournalException e) {
            await(rulesTask);
            throw new ExitCodes.UserError(e.getMessage(), e);
        } finally {
            if (detector != null) detector.close();
        }
        // An empty journal: the rules must still load (and their errors be reported).
        await(rulesTask);
        long tEnd = System.nanoTime();
        long cpuEnd = cpuTime(threads);
        if (detector == null) tFirst = tEnd;
        double secs = (tEnd - tFirst) / 1e9;
        long events = detector == null ? 0 : detector.events();
        // Unreadable store files left out (--skip-corrupt): named, whether or not records were counted.
        for (String d : damage) System.err.println("pdig: " + d + ": its records were skipped");
        if (skipped > 0) {
            System.err.println("pdig: journal " + dir + ": skipped " + skipped + " corrupt record" + (skipped == 1 ? "" : "s"));
        }
        if (stats) {
            // The issue fixes the format of the *last* line; the start-up details come first.
            double cpu = (cpuEnd - cpuFirst) / 1e9;
            if (cpuEnd >= 0 && cpuFirst >= 0 && detector != null) {
                System.err.printf("replay: start-up %.3f s (rules and journal opened in parallel); event loop used %.3f s"
                        + " of CPU on one thread (%.0f events/CPU-s)%n", (tFirst - t0) / 1e9, cpu, cpu > 0 ? events / cpu : 0.0);
            } else {
                System.err.printf("replay: start-up %.3f s%n", (tFirst - t0) / 1e9);
            }
            System.err.printf("replay: %d events, %d alerts, %.3f s, %.0f events/s%n", events,
                    detector == null ? 0 : detector.alerts(), secs, secs > 0 ? events / secs : 0.0);
        }
        return 0;
    }

    /** The loaded rules, or the loader's failure rethrown as it was (a UserError stays one). */
    private static LoadResult await(FutureTask<LoadResult> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception x) throw x;
            if (c instanceof Error x) throw x;
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** This thread's CPU time in ns, or -1 where the JVM cannot measure it. */
    private static long cpuTime(ThreadMXBean threads) {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}
