package io.pdig.launcher.cli;

import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.LoadMessage;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.model.syscall.SyscallTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * Loads the rules a command asked for (or pdig's defaults) once per command, reports warnings and
 * turns load errors into one clear failure before anything is traced: a bad rule file never
 * starts, and so never kills, a trace.
 */
public final class RuleSetLoader {

    static final String DEFAULT_RULES = "/io/pdig/rules/pdig_rules.yaml";

    private static final Map<DetectionOptions, LoadResult> CACHE = new IdentityHashMap<>();

    /** pdig's default rules, loading on a thread of their own since start-up (see {@link #preloadDefaults}). */
    private static volatile java.util.concurrent.FutureTask<LoadResult> defaults;

    /**
     * Starts loading the default rules while picocli is still parsing the command line; the
     * seccomp filter depends on them, so the tracee starts earlier. Only called when the command
     * line uses the defaults.
     */
    public static void preloadDefaults() {
        java.util.concurrent.FutureTask<LoadResult> task = new java.util.concurrent.FutureTask<>(
                () -> RuleLoader.loadResource(DEFAULT_RULES, FieldRegistry.standard()));
        defaults = task;
        Thread t = new Thread(task, "pdig-rules");
        t.setDaemon(true);
        t.start();
    }

    private static LoadResult defaultRules() {
        java.util.concurrent.FutureTask<LoadResult> task = defaults;
        if (task == null) return RuleLoader.loadResource(DEFAULT_RULES, FieldRegistry.standard());
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExitCodes.UserError("interrupted while loading the default rules");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
        }
    }

    private RuleSetLoader() {
    }

    static synchronized LoadResult load(CommandLine cl, DetectionOptions opts) {
        LoadResult cached = CACHE.get(opts);
        if (cached != null) return cached;
        LoadResult r;
        if (opts.rules.isEmpty()) {
            r = defaultRules();
        } else {
            for (Path p : opts.rules) {
                if (!Files.isReadable(p)) {
                    throw new ExitCodes.UserError(p + ": cannot read rule file (" + (Files.exists(p) ? "permission denied" : "no such file") + ")");
                }
            }
            r = RuleLoader.loadFiles(opts.rules, FieldRegistry.standard());
        }
        PrintWriter err = cl.getErr();
        for (LoadMessage w : r.warnings()) {
            if (ExitCodes.debug()) err.println(w);
        }
        if (r.hasErrors()) {
            for (LoadMessage e : r.errors()) err.println(e);
            err.flush();
            throw new ExitCodes.UserError("rules failed to load (" + r.errors().size() + " error"
                    + (r.errors().size() == 1 ? "" : "s") + ")");
        }
        CACHE.put(opts, r);
        return r;
    }

    /** Event types the loaded rules can match; every syscall when some rule matches all types. */
    static Set<String> eventTypes(CommandLine cl, DetectionOptions opts) {
        LoadResult r = load(cl, opts);
        Set<String> types = new RuleEngine(r).eventTypes();
        Set<String> out = new TreeSet<>();
        if (types == null) {
            SyscallTable.all().forEach(s -> out.add(s.name()));
            return out;
        }
        for (String t : types) {
            if (SyscallTable.byName(t) != null) out.add(t);
        }
        return out;
    }
}
