package io.pdig.launcher.cli;

import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.fields.FieldRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `pdig fields`: every field rules and outputs may use, from the one field registry. */
@Command(name = "fields", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "List the fields usable in rule conditions and outputs, with their type and description. "
                + "Fields marked '(pdig: no value)' are accepted so Falco rule files load, but never have a value.")
public final class FieldsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CLASS",
            description = "Only fields of this class or prefix (evt, proc, thread, fd, user, group, container, k8s).")
    String prefix;

    @Option(names = "--names", description = "Print only the field names, one per line.")
    boolean namesOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<FieldDef> rows = new ArrayList<>();
        for (FieldDef f : FieldRegistry.standard().all()) {
            if (prefix == null || f.name().equals(prefix) || f.name().startsWith(prefix.endsWith(".") ? prefix : prefix + ".")) {
                rows.add(f);
            }
        }
        if (rows.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no field matches '" + prefix + "'");
        }
        for (FieldDef f : rows) {
            String name = f.name() + argSuffix(f);
            if (namesOnly) {
                out.println(name);
            } else {
                out.printf("%-44s %-8s %s%n", name, f.type().name().toLowerCase(), f.description());
            }
        }
        out.flush();
        return 0;
    }

    private static String argSuffix(FieldDef f) {
        return switch (f.arg()) {
            case NONE -> "";
            case OPTIONAL_INDEX -> "[n]?";
            case REQUIRED_INDEX -> "[n]";
            case OPTIONAL_KEY -> "[key]?";
            case REQUIRED_KEY -> f.name().equals("evt.arg") || f.name().equals("evt.rawarg") ? ".NAME|[NAME]|[n]" : "[key]";
        };
    }
}
