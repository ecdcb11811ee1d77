package io.pdig.analyzer.output;

import io.pdig.analyzer.rules.Priority;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert, everything a sink needs. Immutable.
 *
 * @param ts           event time, ns since the epoch
 * @param rule         rule name
 * @param priority     rule priority
 * @param source       event source ("syscall")
 * @param tags         rule tags, sorted (Falco keeps them in a sorted set)
 * @param message      the rule output with its fields substituted (no time/priority prefix)
 * @param outputFields field text (e.g. "proc.aname[2]") to typed value (Long, Boolean, String or
 *                     null for a missing value), in format order; evt.time is the ns epoch
 * @param hostname     host name of the traced system
 */
public record Alert(long ts, String rule, Priority priority, String source, List<String> tags, String message,
                    Map<String, Object> outputFields, String hostname) {

    public Alert {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(priority);
        Objects.requireNonNull(source);
        Objects.requireNonNull(message);
        tags = List.copyOf(tags);
        outputFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputFields));
    }

    /**
     * Falco's text line: {@code HH:MM:SS.nnnnnnnnn: Priority message}. The time is printed in UTC
     * (Falco uses the local zone; pdig prefers output that does not depend on where a journal is
     * replayed).
     */
    public String textLine() {
        return AlertTimes.timeOfDay(ts) + ": " + priority.display() + " " + message;
    }
}
