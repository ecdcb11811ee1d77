package io.pdig.analyzer.fields;

import java.util.Map;

/**
 * Falco's fd.cip.name, fd.sip.name, fd.lip.name and fd.rip.name, each the domain name of one
 * address field. Declared in {@link FdFields}; the filter compiler and the rule engine ask here
 * which fields they are, so the four names and their address fields are written once.
 */
public final class DomainNameFields {
    private static final Map<String, String> ADDRESS_FIELD = Map.of(
            "fd.cip.name", "fd.cip", "fd.sip.name", "fd.sip", "fd.lip.name", "fd.lip", "fd.rip.name", "fd.rip");

    private DomainNameFields() {
    }

    /** The address field ("fd.sip") that a domain-name field ("fd.sip.name") names; null for any other field. */
    public static String addressField(String field) {
        return ADDRESS_FIELD.get(field);
    }
}
