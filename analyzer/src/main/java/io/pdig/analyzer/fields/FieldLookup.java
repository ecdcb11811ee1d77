package io.pdig.analyzer.fields;

/** How the rule compiler finds fields; implemented by FieldRegistry. */
public interface FieldLookup {
    /**
     * The field for a name as written in a condition or output (without the bracket argument),
     * or null when unknown. Handles the dotted argument form evt.arg.NAME / evt.rawarg.NAME by
     * returning the evt.arg field; see {@link #splitDottedArgument(String)}.
     */
    FieldDef lookup(String name);

    /**
     * For names like "evt.arg.flags" returns {"evt.arg", "flags"}; for plain names returns
     * {name, null}.
     */
    String[] splitDottedArgument(String name);
}
