package io.pdig.launcher.cli;

import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.LoadMessage;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.analyzer.rules.RuleSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Loads the rules a command asked for (or pdig's defaults) once per command, reports warnings and
 * turns load errors into one clear failure before anything is traced: a bad rule file never
 * starts, and so never kills, a trace. (pdig's own default rules are checked when pdig is built,
 * see {@link DefaultRuleTypes}; they load while the trace starts.)
 */
public final class RuleSetLoader {

    static final String DEFAULT_RULES = "/io/pdig/rules/pdig_rules.yaml";

    private static final Map<DetectionOptions, LoadResult> CACHE = new IdentityHashMap<>();

    /** pdig's default rules, loading on a thread of their own since start-up (see {@link #preloadDefaults}). */
    private static volatile java.util.concurrent.FutureTask<LoadResult> defaults;
    private static volatile Thread defaultsLoader;

    /**
     * Starts loading the default rules while picocli is still parsing the command line. Only
     * called when the command line uses the defaults.
     *
     * <p>The tracee does not wait for them (its filter takes the rules' types from
     * {@link DefaultRuleTypes}), so they load at the lowest priority (nice 19 under ./pdig as
     * root) and leave the CPU to the steps it does wait for: option parsing, the native library,
     * the launch. Whoever waits for them (live detection, once the tracee runs) raises the loader
     * to the normal priority first, so a busy tracee cannot starve the first alerts.
     */
    public static void preloadDefaults() {
        java.util.concurrent.FutureTask<LoadResult> task = new java.util.concurrent.FutureTask<>(
                () -> new RuleLoader(FieldRegistry.standard()).loadOnLoaderStack(List.of(RuleSource.fromResource(DEFAULT_RULES))));
        Thread t = new Thread(null, task, "pdig-rules", RuleLoader.LOADER_STACK_BYTES);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        defaults = task;
        defaultsLoader = t;
        t.start();
    }

    private static LoadResult defaultRules() {
        java.util.concurrent.FutureTask<LoadResult> task = defaults;
        if (task == null) return RuleLoader.loadResource(DEFAULT_RULES, FieldRegistry.standard());
        Thread loader = defaultsLoader;
        if (loader != null) loader.setPriority(Thread.NORM_PRIORITY);
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
        warnEmptyFiles(err, r);
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

    /**
     * One warning line on stderr per rule file that holds no rule, macro or list (empty, only
     * comments, or only a version requirement): shown even without --debug, because such a file usually means the wrong file was
     * given and the run would otherwise go on silently detecting nothing; the load goes on (Falco
     * accepts such files too).
     */
    static void warnEmptyFiles(PrintWriter err, LoadResult r) {
        for (String f : r.emptyFiles()) {
            err.println("pdig: warning: " + f + ": rule file has no rules, macros or lists");
        }
        err.flush();
    }

    /**
     * Event types the rules can match; every syscall when some rule matches all types. For the
     * default rules this is the set the build computed, so nothing waits for them to load.
     */
    static Set<String> eventTypes(CommandLine cl, DetectionOptions opts) {
        if (opts.rules.isEmpty()) {
            Set<String> built = DefaultRuleTypes.fromBuild();
            if (built != null) return built;
        }
        return DefaultRuleTypes.of(load(cl, opts));
    }
}
