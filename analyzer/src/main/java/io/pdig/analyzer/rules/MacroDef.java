package io.pdig.analyzer.rules;

import io.pdig.analyzer.filter.Ast;

/** A compiled macro: its condition text and its AST with lists and visible macros substituted. */
public record MacroDef(String name, String condition, Ast ast, boolean used, Location location) {
}
