package io.pdig.analyzer.engine;

/** Falco's {@code rule_matching} setting. */
public enum RuleMatching {
    /** Stop at the first matching rule in load order (Falco's default): at most one alert per event. */
    FIRST,
    /** Every matching rule yields an alert. */
    ALL
}
