/**
 * Rule evaluation: {@link io.pdig.analyzer.engine.RuleEngine} indexes the enabled rules of a load
 * result by event type (evt.type checks folded away per type) and evaluates them in load order, with
 * Falco's {@code rule_matching: first|all} and a minimum priority.
 */
package io.pdig.analyzer.engine;
