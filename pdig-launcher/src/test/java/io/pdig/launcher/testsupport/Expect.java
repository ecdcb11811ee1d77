package io.pdig.launcher.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One output-field expectation of an end-to-end rules test: the alert's field equals (or
 * contains) the value. A field Falco would print as {@code <NA>} never holds.
 */
public record Expect(String field, String value, boolean exact) {
    public static Expect eq(String field, String value) {
        return new Expect(field, value, true);
    }

    public static Expect contains(String field, String value) {
        return new Expect(field, value, false);
    }

    public boolean holds(JsonNode alert) {
        String actual = PdigRun.field(alert, field);
        return actual != null && (exact ? actual.equals(value) : actual.contains(value));
    }

    @Override
    public String toString() {
        return field + (exact ? "=" : " contains ") + value;
    }
}
