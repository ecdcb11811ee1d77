package io.pdig.analyzer.fields;

/** Whether a field takes a bracketed argument, as in proc.aname[2] or proc.env[HOME]. */
public enum FieldArg {
    /** No argument allowed. */
    NONE,
    /** Optional numeric index (proc.aname, proc.apid). */
    OPTIONAL_INDEX,
    /** Required numeric index. */
    REQUIRED_INDEX,
    /** Optional key (proc.env, evt.arg). */
    OPTIONAL_KEY,
    /** Required key (evt.arg[name], evt.rawarg.name). */
    REQUIRED_KEY
}
