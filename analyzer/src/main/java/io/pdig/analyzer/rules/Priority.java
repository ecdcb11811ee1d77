package io.pdig.analyzer.rules;

import java.util.Locale;

/** Falco's rule priorities, most severe first (the ordinal orders them). */
public enum Priority {
    EMERGENCY("Emergency"),
    ALERT("Alert"),
    CRITICAL("Critical"),
    ERROR("Error"),
    WARNING("Warning"),
    NOTICE("Notice"),
    INFORMATIONAL("Informational"),
    DEBUG("Debug");

    private final String display;

    Priority(String display) {
        this.display = display;
    }

    /** The word Falco prints in alerts ({@code Warning}, {@code Informational}). */
    public String display() {
        return display;
    }

    /** Case-insensitive; {@code info} is accepted for Informational. Null when not a priority. */
    public static Priority parse(String s) {
        if (s == null) return null;
        String u = s.trim().toUpperCase(Locale.ROOT);
        if (u.equals("INFO")) return INFORMATIONAL;
        for (Priority p : values()) {
            if (p.name().equals(u)) return p;
        }
        return null;
    }

    /** True when this priority is at least as severe as {@code threshold}. */
    public boolean atLeast(Priority threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
