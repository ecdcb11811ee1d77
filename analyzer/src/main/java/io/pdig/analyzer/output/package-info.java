/**
 * Alerts as Falco prints them: the text line {@code HH:MM:SS.nnnnnnnnn: Priority output} and the
 * JSON object (sorted keys hostname, output, output_fields, priority, rule, source, tags, time),
 * built by {@link io.pdig.analyzer.output.AlertFactory} and written by {@link io.pdig.analyzer.output.AlertSink}s.
 * Times are UTC (Falco prints evt.time in the local zone): replaying a journal elsewhere must not
 * change the alerts.
 */
package io.pdig.analyzer.output;
