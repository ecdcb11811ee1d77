package io.pdig.analyzer.rules;

import java.util.List;

/** A compiled list: items with references to earlier lists expanded. */
public record ListDef(String name, List<String> items, boolean used, Location location) {
}
