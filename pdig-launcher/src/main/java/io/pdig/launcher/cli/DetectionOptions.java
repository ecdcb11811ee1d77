package io.pdig.launcher.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of live detection (run, attach, analyze, replay): rules, alert outputs, trace set. */
public final class DetectionOptions {

    @Option(names = {"-r", "--rules"}, paramLabel = "FILE",
            description = "Rule file to load (repeatable, loaded in order). Default: pdig's own rules.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-rules", description = "Do not evaluate rules (trace and journal only).")
    boolean noRules;

    @Option(names = {"-o", "--output-format"}, paramLabel = "text|json", defaultValue = "text",
            description = "Alert format: Falco's text line or Falco's JSON alert (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--alerts", paramLabel = "FILE", description = "Write alerts to FILE (appended) instead of stderr.")
    Path alertsFile;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "POST each alert as Falco JSON to URL (falcosidekick-compatible; retried, bounded queue, never slows the trace).")
    List<URI> webhooks = new ArrayList<>();

    @Option(names = "--rule-matching", paramLabel = "first|all", defaultValue = "first",
            description = "Stop at the first matching rule per event (Falco's default) or report all (default: ${DEFAULT-VALUE}).")
    String ruleMatching;

    /** --trace-set's default; `pdig syscalls --traced` declares the option again with it. */
    static final String DEFAULT_TRACE_SET = "rules";

    @Option(names = "--trace-set", paramLabel = "rules|default|all", defaultValue = DEFAULT_TRACE_SET,
            description = "What the seccomp filter traces when --syscalls/--all are not given: the loaded rules' event types plus "
                    + "what the state tables need (rules), pdig's default set plus the rules' types (default), or everything (all). "
                    + "Default: ${DEFAULT-VALUE}.")
    String traceSet;

    boolean json(CommandLine cl) {
        return switch (format) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new CommandLine.ParameterException(cl, "--output-format: expected text or json, got '" + format + "'");
        };
    }

    boolean allMatches(CommandLine cl) {
        return switch (ruleMatching) {
            case "all" -> true;
            case "first" -> false;
            default -> throw new CommandLine.ParameterException(cl, "--rule-matching: expected first or all, got '" + ruleMatching + "'");
        };
    }

    /**
     * The syscalls the tracer must stop on: explicit --syscalls/--all win; otherwise the trace
     * set mode decides, using the rules' event types.
     */
    /**
     * Whether the user named the traced syscalls (--syscalls, -a, --trace-set all): then every
     * call of each is stopped, with its result, as strace shows them; a set pdig derives (rules,
     * default) may skip calls and results its state does not need.
     */
    boolean namesEveryCall(TraceOptions trace) {
        return trace.all || trace.syscalls != null || "all".equals(traceSet);
    }

    Set<String> tracedSet(CommandLine cl, TraceOptions trace) {
        if (trace.all || trace.syscalls != null) {
            // The rules do not choose this set, but a rule file that cannot be loaded must stop
            // the run here as it does otherwise: not start the command with detection disabled.
            // (Loaded once; the pipeline takes the same result.)
            if (!noRules && !rules.isEmpty()) RuleSetLoader.load(cl, this);
            return trace.syscallSet(cl);
        }
        Set<String> fromRules = noRules ? Set.of() : RuleSetLoader.eventTypes(cl, this);
        Set<String> out = new TreeSet<>();
        switch (traceSet) {
            case "rules" -> {
                out.addAll(io.pdig.analyzer.state.StateNeeds.syscalls());
                out.addAll(fromRules);
                if (noRules) out.addAll(trace.syscallSet(cl));
            }
            case "default" -> {
                out.addAll(trace.syscallSet(cl));
                out.addAll(fromRules);
            }
            case "all" -> {
                trace.all = true;
                out.addAll(trace.syscallSet(cl));
                trace.all = false;
            }
            default -> throw new CommandLine.ParameterException(cl,
                    "--trace-set: expected rules, default or all, got '" + traceSet + "'");
        }
        return out;
    }
}
