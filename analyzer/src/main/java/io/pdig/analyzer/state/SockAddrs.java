package io.pdig.analyzer.state;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** Decoding of raw struct sockaddr bytes (family in host order, port in network order). */
public final class SockAddrs {
    public static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;

    private SockAddrs() {
    }

    /**
     * A decoded socket address.
     *
     * @param family   AF_* value
     * @param ip       textual address for AF_INET/AF_INET6, else null
     * @param port     port for IP families, else null
     * @param unixPath path for AF_UNIX ("@name" for the abstract namespace), else null
     */
    public record Endpoint(int family, String ip, Integer port, String unixPath) {
        /** Falco's rendering: "1.2.3.4:80", "::1:80", or the unix path. */
        public String text() {
            if (ip != null) {
                return ip + ":" + port;
            }
            return unixPath != null ? unixPath : "";
        }
    }

    /** Decodes the bytes, or returns null when too short or of an unknown family. */
    public static Endpoint decode(byte[] b) {
        if (b == null || b.length < 2) {
            return null;
        }
        int family = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        switch (family) {
            case AF_INET -> {
                if (b.length < 8) return null;
                int port = (b[2] & 0xff) << 8 | (b[3] & 0xff);
                return new Endpoint(family, dotted(b, 4), port, null);
            }
            case AF_INET6 -> {
                if (b.length < 24) return null;
                int port = (b[2] & 0xff) << 8 | (b[3] & 0xff);
                byte[] a = new byte[16];
                System.arraycopy(b, 8, a, 0, 16);
                return new Endpoint(family, ipv6Text(a), port, null);
            }
            case AF_UNIX -> {
                int end = 2;
                boolean abstractName = b.length > 2 && b[2] == 0;
                int start = abstractName ? 3 : 2;
                end = start;
                while (end < b.length && (abstractName || b[end] != 0)) {
                    end++;
                }
                String p = new String(b, start, end - start, StandardCharsets.UTF_8);
                return new Endpoint(family, null, null, abstractName ? "@" + p : p);
            }
            default -> {
                return new Endpoint(family, null, null, null);
            }
        }
    }

    /**
     * An address as pdig writes it everywhere (fd.cip, fd.name, ...): 4 bytes as dotted IPv4, 16
     * bytes as {@link #ipv6Text}; null for any other length. The domain-name cache keys resolved
     * addresses by this text, so they compare equal to the sides of a socket.
     */
    public static String ipText(byte[] a) {
        if (a.length == 4) return dotted(a, 0);
        return a.length == 16 ? ipv6Text(a) : null;
    }

    private static String dotted(byte[] b, int at) {
        return (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
    }

    /** IPv6 text in the compressed form; IPv4-mapped addresses print as dotted IPv4. */
    static String ipv6Text(byte[] a) {
        try {
            InetAddress addr = InetAddress.getByAddress(a);
            String s = addr.getHostAddress();
            if (addr instanceof java.net.Inet4Address) {
                return s;
            }
            return compress(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Java prints 0:0:0:0:0:0:0:1; collapse the longest zero run to "::" as inet_ntop does. */
    private static String compress(String full) {
        String[] parts = full.split(":");
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) j++;
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bestStart; i++) {
            b.append(i > 0 ? ":" : "").append(parts[i]);
        }
        b.append("::");
        for (int i = bestStart + bestLen; i < parts.length; i++) {
            b.append(parts[i]);
            if (i < parts.length - 1) b.append(':');
        }
        return b.toString();
    }
}
