package io.pdig.analyzer.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address or CIDR network parsed from a rule value or an extracted field, without DNS.
 * An address is a network whose prefix is its full length.
 */
public record IpNet(byte[] addr, int prefix) {

    /** Parses "a.b.c.d", an IPv6 literal, or either with "/n"; null when it is not one. */
    public static IpNet parse(String text) {
        if (text == null) return null;
        String s = text.trim();
        int prefix = -1;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            s = s.substring(0, slash);
        }
        byte[] a = parseAddress(s);
        if (a == null) return null;
        int bits = a.length * 8;
        if (prefix < 0) prefix = bits;
        if (prefix > bits) return null;
        return new IpNet(a, prefix);
    }

    /** The 4 or 16 bytes of a literal address, or null. Never resolves names. */
    public static byte[] parseAddress(String s) {
        if (s.indexOf(':') >= 0) {
            try {
                // A string containing ':' is only ever parsed as an IPv6 literal: no lookup.
                byte[] b = InetAddress.getByName(s.startsWith("[") ? s.substring(1, s.length() - 1) : s).getAddress();
                return b;
            } catch (UnknownHostException | StringIndexOutOfBoundsException e) {
                return null;
            }
        }
        byte[] b = new byte[4];
        int part = 0;
        int val = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                val = (val < 0 ? 0 : val * 10) + (c - '0');
                if (val > 255) return null;
            } else if (c == '.') {
                if (val < 0 || part > 3) return null;
                b[part++] = (byte) val;
                val = -1;
            } else {
                return null;
            }
        }
        return part == 4 ? b : null;
    }

    /** True when {@code a} lies in this network (an IPv4-mapped IPv6 address counts as IPv4). */
    public boolean contains(byte[] a) {
        byte[] x = a;
        if (x.length == 16 && addr.length == 4 && isV4Mapped(x)) {
            x = new byte[] {x[12], x[13], x[14], x[15]};
        }
        if (x.length != addr.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (x[i] != addr[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (x[full] & mask) == (addr[full] & mask);
    }

    private static boolean isV4Mapped(byte[] x) {
        for (int i = 0; i < 10; i++) {
            if (x[i] != 0) return false;
        }
        return x[10] == (byte) 0xff && x[11] == (byte) 0xff;
    }
}
