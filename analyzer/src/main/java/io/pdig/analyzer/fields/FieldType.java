package io.pdig.analyzer.fields;

/**
 * Falco's field types, which decide how a condition's right-hand side is parsed and compared.
 * Extracted values are represented in Java as:
 * STRING, CHARBUF, FSPATH -> String; INT64, UINT64, PORT, L4PROTO? (see below), ABSTIME, RELTIME,
 * ERRNO, PID, FD, SIGTYPE, MODE, FLAGS -> Long; BOOL -> Boolean; IPADDR, IPNET -> String (textual
 * address); BYTEBUF -> byte[]. A list field (isList) yields a java.util.List of those.
 * L4PROTO yields the String name ("tcp", "udp", "icmp", "raw").
 */
public enum FieldType {
    STRING, CHARBUF, FSPATH, BYTEBUF,
    INT64, UINT64, PID, FD, ERRNO, SIGTYPE, MODE, FLAGS,
    BOOL, PORT, L4PROTO, IPADDR, IPNET,
    ABSTIME, RELTIME
}
