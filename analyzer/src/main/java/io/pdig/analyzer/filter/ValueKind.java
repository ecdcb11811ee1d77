package io.pdig.analyzer.filter;

import io.pdig.analyzer.fields.FieldType;

/** How a field's values compare: the five comparison families of libsinsp. */
public enum ValueKind {
    STRING, NUMBER, BOOL, IP, BYTES;

    public static ValueKind of(FieldType t) {
        return switch (t) {
            case STRING, CHARBUF, FSPATH, L4PROTO -> STRING;
            case BYTEBUF -> BYTES;
            case BOOL -> BOOL;
            case IPADDR, IPNET -> IP;
            case INT64, UINT64, PID, FD, ERRNO, SIGTYPE, MODE, FLAGS, PORT, ABSTIME, RELTIME -> NUMBER;
        };
    }

    /** Name used in libsinsp's "operator not supported for ... filters" messages. */
    String family() {
        return switch (this) {
            case STRING -> "string";
            case NUMBER -> "numeric";
            case BOOL -> "boolean";
            case IP -> "ip address and network";
            case BYTES -> "buffer";
        };
    }
}
