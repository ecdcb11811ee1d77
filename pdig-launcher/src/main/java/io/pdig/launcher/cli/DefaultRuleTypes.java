package io.pdig.launcher.cli;

import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.model.syscall.SyscallTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The syscalls pdig's default rules can match, computed when pdig is built and read at start-up.
 *
 * <p>Why: the seccomp filter of `pdig run` depends on the rules, so with the defaults the tracee
 * used to wait for them to be parsed and compiled (~110 ms of CPU) and that work competed with
 * the start-up steps the tracee does wait for. The set depends only on the rules resource and the
 * code of this build, so the build writes it ({@link #main}, run by the launcher's pom) and the
 * rules load in the background (RuleSetLoader). DefaultRuleTypesTest checks that the written set
 * is the one the rules give.
 */
public final class DefaultRuleTypes {

    /** Class-path resource the build writes: the syscall names, comma-separated. */
    static final String RESOURCE = "/io/pdig/launcher/cli/default-rule-types.txt";

    private DefaultRuleTypes() {
    }

    /** The set written at build time, or null where the build did not write it (IDE builds). */
    static Set<String> fromBuild() {
        try (InputStream in = DefaultRuleTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return null;
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            return new TreeSet<>(Arrays.asList(text.split(",")));
        } catch (IOException e) {
            return null;
        }
    }

    /** Event types the loaded rules can match; every syscall when some rule matches all types. */
    static Set<String> of(LoadResult rules) {
        Set<String> types = new RuleEngine(rules).eventTypes();
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

    /** The build step: loads the default rules and writes their types to the file given. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: DefaultRuleTypes OUTPUT_FILE");
        LoadResult rules = RuleLoader.loadResource(RuleSetLoader.DEFAULT_RULES, FieldRegistry.standard());
        if (rules.hasErrors()) throw new IllegalStateException("pdig's default rules fail to load: " + rules.errors());
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(",", of(rules)) + "\n", StandardCharsets.US_ASCII);
    }
}
