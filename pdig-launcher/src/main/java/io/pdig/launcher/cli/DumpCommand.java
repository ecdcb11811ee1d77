package io.pdig.launcher.cli;

import io.pdig.journal.Journal;
import io.pdig.journal.JournalException;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.ReaderOptions;
import io.pdig.model.render.EventJson;
import io.pdig.model.render.LineStamps;
import io.pdig.model.render.StraceFormatter;
import io.pdig.model.render.SummarySort;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `pdig dump DIR`: prints a journal's records, names rendered on read. Text lines are exactly the
 * strace-like lines --print writes (with --seq, each prefixed by its sequence number and a space);
 * --json prints one JSON object per record (its "seq" field is the sequence number). Damage stops the dump with one line on stderr
 * ("journal DIR: corrupt record after seq N (why)") and exit status 1, after every good record
 * before it has been printed; --skip-corrupt goes on and reports how many were skipped. -c prints
 * the -c table of the records instead ({@link DumpSummary}), once all were read.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, addMethodSubcommands = false, sortOptions = false,
        description = "Print the records of a journal: the strace-like lines of --print, or JSON.")
public final class DumpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    Path dir;

    @Option(names = "--json", description = "One JSON object per record instead of text lines.")
    boolean json;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing records as they are appended (waits for the journal to appear); stop with Ctrl-C.")
    boolean follow;

    @Option(names = "--since", paramLabel = "SEQ", defaultValue = "0",
            description = "Start at this sequence number (default: ${DEFAULT-VALUE}, the oldest record kept).")
    long since;

    @Option(names = "-t", description = TimestampOption.DESCRIPTION + " Text lines only.")
    boolean[] timestamps;

    @Option(names = "-T", description = TimestampOption.DURATION_DESCRIPTION + " Text lines only.")
    boolean durations;

    @Option(names = "--seq", description = "Prefix each text line with the record's sequence number (for --since).")
    boolean showSeq;

    @Option(names = {"-c", "--summary"}, description = SummaryOption.DESCRIPTION + " Instead of the records, from those the "
            + "journal holds (the stops from its sessions' end records).")
    boolean summary;

    @Option(names = {"-S", "--summary-sort-by"}, paramLabel = "SORTBY", description = SummaryOption.SORT_DESCRIPTION)
    String summarySort;

    @Option(names = "--skip-corrupt", description = "Skip damaged records and store files whose header is damaged (and say which and how many) "
            + "instead of stopping; with --follow, damaged records only.")
    boolean skipCorrupt;

    /** Seq of the last session start without its end yet, or -1. Confined to call(). */
    private long openSession = -1;

    /** The formatter's line, stamped (-t after its thread id, -T at its end), then numbered (--seq) in front. */
    private static String textLine(StraceFormatter text, LineStamps stamps, JournalRecord rec, boolean seq) {
        String line = text.format(rec.event());
        if (stamps != null) line = stamps.apply(line, rec.event());
        return seq ? rec.seq() + " " + line : line;
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (since < 0) throw new CommandLine.ParameterException(cl, "--since: must be >= 0, got " + since);
        LineStamps times = TimestampOption.stamps(cl, timestamps, durations);
        SummarySort sort = SummaryOption.sort(cl, summary, summarySort);
        if (sort != null) {
            // The table replaces the records, as strace -c replaces its lines: options that shape
            // records would do nothing; said rather than ignored. --follow would never end.
            String conflict = json ? "--json" : times != null ? (times.times() != null ? "-t" : "-T")
                    : showSeq ? "--seq" : follow ? "--follow" : null;
            if (conflict != null) throw new CommandLine.ParameterException(cl, "-c: prints the table instead of the records; not with " + conflict);
        }
        if (times != null && json) {
            throw new CommandLine.ParameterException(cl, times.times() != null
                    ? "-t: only for text lines (--json has each event's ts)"
                    : "-T: only for text lines (--json has each syscall's duration_ns)");
        }
        if (!follow && !Files.isDirectory(dir)) {
            // Said as openExisting says it for analyze and --follow: a file is not a missing directory.
            throw new ExitCodes.UserError("journal " + dir + (Files.exists(dir) ? ": not a directory" : ": no such directory"));
        }
        PrintWriter out = cl.getOut();
        StraceFormatter text = new StraceFormatter();
        EventJson jsonOut = new EventJson();
        AtomicReference<JournalReader> current = new AtomicReference<>();
        ReaderOptions options = new ReaderOptions(since, follow, skipCorrupt, Duration.ofMillis(20));
        DumpSummary table = sort == null ? null : new DumpSummary();
        long skipped;
        List<String> damage;
        // Ctrl-C in follow mode closes the reader, which makes next() return null: a clean end.
        try (SignalForwarder ignored = new SignalForwarder(sig -> {
            JournalReader r = current.get();
            if (r != null) r.close();
        });
             Journal journal = Journal.openExisting(dir);
             JournalReader reader = journal.reader(options)) {
            current.set(reader);
            long n = 0;
            for (JournalRecord rec; (rec = reader.next()) != null; ) {
                if (table != null) {
                    table.add(rec.event());
                } else {
                    out.println(json ? jsonOut.toJson(rec.seq(), rec.event()) : textLine(text, times, rec, showSeq));
                    if (follow || ++n % 4096 == 0) out.flush();
                }
                if (rec.event() instanceof io.pdig.model.event.SessionEvent.Start) openSession = rec.seq();
                if (rec.event() instanceof io.pdig.model.event.SessionEvent.End) openSession = -1;
            }
            skipped = reader.skipped();
            damage = reader.damage();
            // Only once the whole journal was read: damage (thrown above) prints no partial table.
            if (table != null) out.print(table.render(sort));
        } catch (JournalException e) {
            out.flush();
            throw new ExitCodes.UserError(e.getMessage(), e);
        } finally {
            out.flush();
        }
        // Unreadable store files left out (--skip-corrupt): named, whether or not records were counted.
        for (String d : damage) cl.getErr().println("pdig: " + d + ": its records were skipped");
        if (skipped > 0) {
            cl.getErr().println("pdig: journal " + dir + ": skipped " + skipped + " corrupt record" + (skipped == 1 ? "" : "s"));
            cl.getErr().flush();
        }
        if (openSession >= 0 && !follow) {
            // Every record read back whole, but the session has no end: its pdig was killed (or
            // is still writing). Said, so that a cut-off session does not pass for a complete one.
            cl.getErr().println("pdig: journal " + dir + ": the session started at seq " + openSession
                    + " has no end record (its pdig was killed, or is still running)");
            cl.getErr().flush();
        }
        return 0;
    }
}
