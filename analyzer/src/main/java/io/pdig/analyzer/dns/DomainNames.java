package io.pdig.analyzer.dns;

import java.util.Set;

/**
 * What the detection thread asks about domain names (Falco's fd.cip.name, fd.sip.name,
 * fd.lip.name, fd.rip.name): answers from lookups already done, never a lookup of its own, so a
 * slow or dead DNS can delay no event. A name whose first lookup has not finished resolves to
 * nothing yet.
 *
 * <p>Addresses are written as pdig writes a socket's sides ({@link io.pdig.analyzer.state.SockAddrs#ipText}).
 */
public interface DomainNames {

    /** True when one of {@code names} resolved to {@code ip} at its latest lookup. */
    boolean anyResolvesTo(Set<String> names, String ip);

    /**
     * The name fd.*ip.name shows for {@code ip}: the first known name, in the order the rules
     * introduced them, that resolved to it at its latest lookup; null when none did.
     */
    String nameOf(String ip);
}
