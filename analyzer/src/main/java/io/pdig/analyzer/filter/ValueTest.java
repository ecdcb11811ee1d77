package io.pdig.analyzer.filter;

/** A comparison of one extracted (non-null, non-list) value against pre-parsed right-hand values. */
@FunctionalInterface
public interface ValueTest {
    boolean test(Object value);
}
