package io.pdig.analyzer.rules;

import io.pdig.analyzer.fields.FieldLookup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads Falco rules files in order, the way Falco does: each file is read and its items collected
 * into one shared collection (later files can redefine, append to and override items of earlier
 * ones; the first error in a file aborts that file), then everything is compiled together.
 * When any file fails to read, nothing is compiled (the result has the errors and no rules).
 *
 * <p>Messages carry 1-based file:line:column. For a condition the column is that of the offending
 * character in the file: the parser's offset into the condition is mapped back through list
 * substitution, exception translation and appends to the YAML scalar it came from (see
 * {@link TextOrigin.Scalar} for how block scalars are aligned).
 *
 * <p>Stateless: one call, one load; safe to use from any thread.
 */
public final class RuleLoader {
    private final FieldLookup fields;

    public RuleLoader(FieldLookup fields) {
        this.fields = fields;
    }

    public static LoadResult load(List<RuleSource> sources, FieldLookup fields) {
        return new RuleLoader(fields).load(sources);
    }

    public static LoadResult loadFiles(List<Path> paths, FieldLookup fields) {
        List<RuleSource> sources = new ArrayList<>();
        for (Path p : paths) sources.add(RuleSource.fromPath(p));
        return load(sources, fields);
    }

    /** Loads a class-path resource, e.g. {@code /io/pdig/rules/pdig_rules.yaml}. */
    public static LoadResult loadResource(String resource, FieldLookup fields) {
        return load(List.of(RuleSource.fromResource(resource)), fields);
    }

    /**
     * Conditions may nest 1000 levels (libsinsp's limit) and macros nest further; parsing and
     * compiling them is recursive, so loading runs on a thread with a stack this large: its own
     * ({@link #load}), or the caller's ({@link #loadOnLoaderStack}).
     */
    public static final long LOADER_STACK_BYTES = 64L * 1024 * 1024;

    public LoadResult load(List<RuleSource> sources) {
        LoadResult[] result = new LoadResult[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = loadOnLoaderStack(sources);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "pdig-rule-loader", LOADER_STACK_BYTES);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure[0] != null) throw failure[0];
        return result[0];
    }

    /**
     * Loads on the calling thread, which must have been created with a stack of
     * {@link #LOADER_STACK_BYTES} (a caller that owns its thread, e.g. to set its priority).
     */
    public LoadResult loadOnLoaderStack(List<RuleSource> sources) {
        try {
            return loadHere(sources);
        } catch (StackOverflowError e) {
            throw new IllegalStateException("rule conditions nested too deeply to load");
        }
    }

    private LoadResult loadHere(List<RuleSource> sources) {
        Collected col = new Collected();
        List<LoadMessage> messages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        java.util.Map<String, SourceFile> files = new java.util.HashMap<>();
        boolean readFailed = false;
        for (RuleSource src : sources) {
            names.add(src.name());
            if (src.content() == null) {
                messages.add(new LoadMessage(LoadCode.LOAD_ERR_FILE_READ, new Location(src.name(), 0, 0),
                        src.readError(), null));
                readFailed = true;
                continue;
            }
            SourceFile file = new SourceFile(src.name(), src.content());
            files.put(src.name(), file);
            try {
                if (new RuleReader(file, col, messages, fields).read() == 0) empty.add(src.name());
            } catch (LoadError e) {
                messages.add(e.msg);
                readFailed = true;
            }
        }
        if (readFailed) {
            return new LoadResult(names, List.of(), List.of(), List.of(), withSourceLines(messages, files), empty);
        }
        RuleCompiler compiler = new RuleCompiler(col, fields, messages);
        try {
            compiler.compile();
        } catch (LoadError e) {
            messages.add(e.msg);
        }
        return new LoadResult(names, compiler.rules, compiler.macros, compiler.lists, withSourceLines(messages, files),
                empty);
    }

    private static List<LoadMessage> withSourceLines(List<LoadMessage> in, java.util.Map<String, SourceFile> files) {
        List<LoadMessage> out = new ArrayList<>(in.size());
        for (LoadMessage m : in) {
            SourceFile f = files.get(m.location().file());
            out.add(f == null || m.location().line() < 1 ? m : m.withSourceLine(f.line(m.location().line())));
        }
        return out;
    }
}
