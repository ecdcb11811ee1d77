package io.pdig.launcher.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `pdig version`: each versioned part on its own, like Falco's separate driver and engine versions.
 * Each number comes from the module that owns it.
 */
@Command(name = "version", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Print pdig's version, the native tracer ABI, the journal schema and the rule engine versions.")
public final class VersionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print the versions as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> v = Versions.all();
        if (json) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<String, String> e : v.entrySet()) {
                if (sb.length() > 1) sb.append(',');
                sb.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
            }
            out.println(sb.append('}'));
        } else {
            out.println("pdig version: " + v.get("pdig_version"));
            out.println("Native tracer ABI version: " + v.get("native_abi_version"));
            out.println("Journal schema version: " + v.get("journal_schema_version"));
            out.println("Rule engine version: " + v.get("engine_version"));
        }
        out.flush();
        return 0;
    }

    /** Picocli's --version on the top-level command. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pdig " + Versions.pdig()};
        }
    }

    /** Gathers the version of each part from its owner. */
    static final class Versions {
        static String pdig() {
            Properties p = new Properties();
            try (InputStream in = VersionCommand.class.getResourceAsStream("/io/pdig/launcher/version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return p.getProperty("pdig.version", "unknown");
        }

        static Map<String, String> all() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("pdig_version", pdig());
            m.put("native_abi_version", ModuleVersions.nativeAbi());
            m.put("journal_schema_version", ModuleVersions.journalSchema());
            m.put("engine_version", ModuleVersions.ruleEngine());
            return m;
        }
    }
}
