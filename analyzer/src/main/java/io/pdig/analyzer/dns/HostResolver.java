package io.pdig.analyzer.dns;

import java.util.List;

/**
 * Turns a domain name into the addresses it has now. The one place pdig asks DNS anything; tests
 * substitute their own. Called only on the resolver's threads ({@link DomainNameCache}), never on
 * the detection thread, so an implementation may block for as long as its lookup takes.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * The IPv4 (4-byte) and IPv6 (16-byte) addresses of {@code name}, in any order; empty when the
     * name does not resolve now, for whatever reason (no such name, no answer, no network), as
     * libsinsp treats a failed getaddrinfo.
     */
    List<byte[]> addresses(String name);

    /** The JDK's resolver ({@link JdkHostResolver}): /etc/hosts, then DNS, as nsswitch.conf says. */
    static HostResolver jdk() {
        return JdkHostResolver.INSTANCE;
    }
}
