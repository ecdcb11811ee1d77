/**
 * Falco rule files: {@link io.pdig.analyzer.rules.RuleLoader} reads YAML with positions
 * ({@link io.pdig.analyzer.rules.YamlReader}), collects lists, macros and rules across files with
 * Falco's define/append/override/enable semantics, then compiles them (textual list substitution,
 * exception translation, macro substitution, condition and output compilation, event-type sets).
 * Errors and warnings are {@link io.pdig.analyzer.rules.LoadMessage}s with Falco's codes and a
 * 1-based file:line:column pointing at the offending character.
 *
 * <p>{@link io.pdig.analyzer.rules.OutputFormat} is a rule's parsed output; rendering a value to text
 * goes through {@link io.pdig.analyzer.rules.FieldFormatting}, which the output package implements.
 */
package io.pdig.analyzer.rules;
