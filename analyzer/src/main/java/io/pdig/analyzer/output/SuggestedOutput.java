package io.pdig.analyzer.output;

/**
 * Falco's default {@code append_output: [{suggested_output: true}]}: the container plugin marks
 * six fields "suggested", and Falco appends {@code name_with_underscores=%name} for each to every
 * syscall rule's output, in the plugin's field order. pdig emulates the built-in container plugin,
 * so the rule compiler appends this tail to reproduce Falco's lines (host values: host, host, "",
 * "", &lt;NA&gt;, &lt;NA&gt;).
 */
public final class SuggestedOutput {
    /** The suggested fields, in the container plugin's order. */
    public static final java.util.List<String> FIELDS = java.util.List.of("container.id", "container.name",
            "container.image.repository", "container.image.tag", "k8s.pod.name", "k8s.ns.name");

    /** The text Falco appends (with its leading space). */
    public static final String TAIL = tail();

    private SuggestedOutput() {
    }

    /** A rule output (already trimmed) with the suggested tail appended. */
    public static String appendTo(String output) {
        return output + TAIL;
    }

    private static String tail() {
        StringBuilder b = new StringBuilder();
        for (String f : FIELDS) {
            b.append(' ').append(f.replace('.', '_')).append("=%").append(f);
        }
        return b.toString();
    }
}
