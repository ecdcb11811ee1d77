/**
 * Text renderings of events: {@link io.pdig.model.render.StraceFormatter} (one strace-like line per
 * event, checked against the real strace by StraceAgreementTest),
 * {@link io.pdig.model.render.EventJson} (one JSON object per line) and
 * {@link io.pdig.model.render.SummaryTable} ({@code strace -c -w}'s table, ordered by
 * {@link io.pdig.model.render.SummarySort}, strace's {@code -S}).
 *
 * <p>Known differences from strace's own output, by design or for lack of data:
 * <ul>
 *   <li>every non-printable byte is {@code \xNN} (strace uses {@code \n}, {@code \t} and octal by
 *   default, and with {@code -x} hex-encodes the whole string once it has a non-ASCII byte);</li>
 *   <li>no column padding before {@code " = "};</li>
 *   <li>a zero HEX argument prints {@code 0}: HEX is an opaque word (flags print 0 in strace too);
 *   the rows mark the pointers they know as PTR, which prints NULL, and any left HEX print 0;</li>
 *   <li>lines are prefixed with the thread id always, as {@code strace -f -o file} does;</li>
 *   <li>the summary's time is wall-clock per call ({@code strace -c -w}), never system CPU time
 *   (plain {@code strace -c}); calls without a duration are left out of it and named, and rows
 *   without one show '-'.</li>
 * </ul>
 */
package io.pdig.model.render;
