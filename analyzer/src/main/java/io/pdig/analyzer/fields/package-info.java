/**
 * The field registry: every field pdig knows, declared once with its Falco type, argument kind,
 * description and extractor ({@link io.pdig.analyzer.fields.FieldRegistry#standard()}). The rule
 * compiler resolves names through {@link io.pdig.analyzer.fields.FieldLookup}; `pdig fields` lists
 * the same declarations; output formatting extracts through them.
 *
 * <p>Value representation: strings as String, numeric types as Long, booleans as Boolean, IPs as
 * their text; null means "no value" (every check on it is false, outputs print &lt;NA&gt;). Fields a
 * ptrace tracer cannot know are declared (so Falco rule files load) and always have no value.
 * Ancestor fields without index and fd.ip/fd.net/fd.port extract a java.util.List of candidates
 * ({@link io.pdig.analyzer.fields.FieldDef#matchesAnyElement(String)}).
 */
package io.pdig.analyzer.fields;
