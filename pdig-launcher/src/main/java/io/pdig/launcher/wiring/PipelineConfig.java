package io.pdig.launcher.wiring;

import io.pdig.analyzer.rules.LoadResult;
import io.pdig.journal.JournalConfig;
import io.pdig.model.render.LineStamps;
import io.pdig.model.render.SummarySort;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the pipeline behind a trace needs, already validated by the command that built it.
 *
 * @param printTo    --print target: null (off), "-" (stderr) or a file path
 * @param printStamps -t/-tt/-ttt and -T: stamps for the --print lines, or null for none
 * @param summary    -c: the order (-S) of the per-syscall table printed at the end, or null for no table
 * @param stats      --stats: print counters at the end
 * @param noJournal  keep no journal (benchmarks measuring the journal's cost; rules must be off)
 * @param journalDir --journal DIR, or null for a temporary journal removed at exit
 * @param journal    roll, retention, buffer and drop settings
 * @param rules      the rules (loaded on first use, possibly already loaded), or null when rules are off
 * @param json       alerts as Falco JSON instead of text lines
 * @param alertsFile --alerts FILE, or null for stderr
 * @param webhooks   --webhook URLs
 * @param allMatches rule_matching all instead of first
 * @param command    the command line for `run`, each argument's exact bytes; empty for attach
 * @param attachPid  the target for `attach`, 0 for run
 * @param everyCall  the user named the traced syscalls: every call of each was stopped on (see
 *                   io.pdig.tracer.TracePolicy); otherwise -c says which rows count only some calls
 */
public record PipelineConfig(String printTo, LineStamps printStamps, SummarySort summary, boolean stats, boolean noJournal, Path journalDir,
                             JournalConfig journal,
                             java.util.function.Supplier<LoadResult> rules, boolean json, Path alertsFile, List<URI> webhooks, boolean allMatches,
                             List<byte[]> command, int attachPid, boolean everyCall) {
}
