package io.pdig.analyzer.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HostResolver} through {@link InetAddress#getAllByName}, which asks the C library
 * (getaddrinfo: /etc/hosts, then DNS, as nsswitch.conf says), as libsinsp does. The JDK keeps
 * answers for 30 s and failures for 10 s (networkaddress.cache.ttl), so a change can show up one
 * refresh later than it would in Falco.
 */
final class JdkHostResolver implements HostResolver {
    static final JdkHostResolver INSTANCE = new JdkHostResolver();

    private JdkHostResolver() {
    }

    @Override
    public List<byte[]> addresses(String name) {
        // The JDK answers the loopback address for an empty name, where getaddrinfo fails: a rule
        // comparing with "" must not match every local connection.
        if (name.isBlank()) return List.of();
        try {
            InetAddress[] all = InetAddress.getAllByName(name);
            List<byte[]> out = new ArrayList<>(all.length);
            for (InetAddress a : all) out.add(a.getAddress());
            return out;
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }
}
