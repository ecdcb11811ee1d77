/**
 * Domain names for Falco's fd.cip.name, fd.sip.name, fd.lip.name and fd.rip.name. As in Falco, a
 * rule names a host ({@code fd.sip.name in (pool.example.org)}) and matches by the addresses DNS
 * gives for it: {@link io.pdig.analyzer.dns.DomainNameCache} looks the rules' names up in the
 * background through a {@link io.pdig.analyzer.dns.HostResolver} and answers the detection thread
 * through {@link io.pdig.analyzer.dns.DomainNames}.
 *
 * <p>The only part of the analyzer that looks outside the journal: the answers are DNS's at the
 * time of analysis, not at the time of the event, so a replay long after a run can match
 * differently (as a Falco replay of an old capture does).
 */
package io.pdig.analyzer.dns;
