/**
 * Linux constant names as data: enumerations ({@link io.pdig.model.consts.ValueNames}) and bit sets
 * ({@link io.pdig.model.consts.FlagSet}) written as {@code NAME VALUE} text blocks, one
 * {@link io.pdig.model.consts.ArgNames} map from argument kind to table, and the two renderings
 * every table offers:
 * <ul>
 *   <li>{@code render}: strace's form, lossless (unknown bits in hex, unknown values as numbers),
 *   in strace 6.1's order, and parseable back with {@code parse};</li>
 *   <li>{@code renderFalco}: what Falco shows for {@code evt.arg.X}. For open flags this is exact
 *   (see {@link io.pdig.model.consts.FalcoOpenFlags}). For the other tables it is the same names
 *   with unknown bits dropped; Falco's own clone-flag and a few other PPM tables name and order
 *   things differently, which only matters for output text, not for the {@code contains} and
 *   {@code =} tests rules make on single names.</li>
 * </ul>
 * Values are x86_64 (the generic Linux values); ConstTablesMatchHeadersTest checks every name
 * against the installed C headers and every errno message against the C library's strerror.
 * All tables are immutable and safe to share between threads.
 */
package io.pdig.model.consts;
