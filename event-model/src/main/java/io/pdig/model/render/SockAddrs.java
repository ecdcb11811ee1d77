package io.pdig.model.render;

import io.pdig.model.consts.NetConsts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Socket addresses from the kernel's struct sockaddr bytes (family in host byte order first,
 * ports and IPv4/IPv6 addresses in network byte order), rendered as strace does and as fields for
 * JSON. Short or unknown structures fall back to the raw bytes; nothing here throws on bad input.
 */
public final class SockAddrs {

    private SockAddrs() {
    }

    /** The address family, or -1 when fewer than two bytes were captured. */
    public static int family(byte[] b) {
        return b.length < 2 ? -1 : (b[0] & 0xff) | (b[1] & 0xff) << 8;
    }

    /** strace's form, e.g. {@code {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}}. */
    public static String strace(byte[] b) {
        int fam = family(b);
        if (fam < 0) return "{sa_data=" + ByteText.quote(b, false) + "}";
        String famName = "sa_family=" + NetConsts.FAMILIES.render(fam);
        // Only the family: the caller's buffer held no more (strace's {sa_family=AF_INET}, [2 => 16]).
        if (b.length == 2) return "{" + famName + "}";
        // strace decodes a family's fields only from a whole struct (sizeof(struct sockaddr_in)
        // for AF_INET); shorter, the bytes after the family as sa_data.
        if (fam == NetConsts.AF_INET && b.length >= SOCKADDR_IN_SIZE) {
            return "{" + famName + ", sin_port=htons(" + port(b) + "), sin_addr=inet_addr(\"" + ipv4(b, 4) + "\")}";
        }
        if (fam == NetConsts.AF_INET6 && b.length >= 24) {
            StringBuilder sb = new StringBuilder("{").append(famName)
                    .append(", sin6_port=htons(").append(port(b)).append(')')
                    .append(", sin6_flowinfo=htonl(").append(be32(b, 4)).append(')')
                    .append(", inet_pton(AF_INET6, \"").append(ipv6(b, 8)).append("\", &sin6_addr)");
            if (b.length >= 28) sb.append(", sin6_scope_id=").append(le32(b, 24));
            return sb.append('}').toString();
        }
        if (fam == NetConsts.AF_UNIX) {
            b = unixBytes(b);
            if (b.length <= 2) return "{" + famName + "}";
            if (b[2] == 0) return "{" + famName + ", sun_path=@" + ByteText.quote(Arrays.copyOfRange(b, 3, b.length), false) + "}";
            return "{" + famName + ", sun_path=" + ByteText.quote(unixPath(b), false) + "}";
        }
        if (fam == NetConsts.AF_NETLINK && b.length >= 12) {
            return "{" + famName + ", nl_pid=" + le32(b, 4) + ", nl_groups=" + String.format("%08x", le32(b, 8)) + "}";
        }
        return "{" + famName + ", sa_data=" + ByteText.quote(Arrays.copyOfRange(b, 2, b.length), false) + "}";
    }

    private static final int SOCKADDR_IN_SIZE = 16;

    /** sizeof(struct sockaddr_un): bytes past sun_path's 108 are not part of the address (the kernel refuses a longer addrlen). */
    private static final int SOCKADDR_UN_SIZE = 110;

    private static byte[] unixBytes(byte[] b) {
        return b.length > SOCKADDR_UN_SIZE ? Arrays.copyOf(b, SOCKADDR_UN_SIZE) : b;
    }

    /**
     * Fields for JSON: "family" (name), and by family: "port" + "addr" (AF_INET, AF_INET6, plus
     * "flowinfo"/"scope_id"), "path" + "abstract" (AF_UNIX), "nl_pid" + "nl_groups" (AF_NETLINK),
     * otherwise "data" (hex of the bytes after the family). Values are String, Long or Boolean.
     */
    public static Map<String, Object> fields(byte[] b) {
        Map<String, Object> m = new LinkedHashMap<>();
        int fam = family(b);
        if (fam < 0) {
            m.put("data", ByteText.hex(b));
            return m;
        }
        m.put("family", NetConsts.FAMILIES.render(fam));
        if (fam == NetConsts.AF_INET && b.length >= 8) {
            m.put("port", (long) port(b));
            m.put("addr", ipv4(b, 4));
        } else if (fam == NetConsts.AF_INET6 && b.length >= 24) {
            m.put("port", (long) port(b));
            m.put("addr", ipv6(b, 8));
            m.put("flowinfo", be32(b, 4));
            if (b.length >= 28) m.put("scope_id", le32(b, 24));
        } else if (fam == NetConsts.AF_UNIX) {
            b = unixBytes(b);
            boolean abstractName = b.length > 2 && b[2] == 0;
            byte[] path = abstractName ? Arrays.copyOfRange(b, 3, b.length) : b.length > 2 ? unixPath(b) : new byte[0];
            m.put("path", path);
            m.put("abstract", abstractName);
        } else if (fam == NetConsts.AF_NETLINK && b.length >= 12) {
            m.put("nl_pid", le32(b, 4));
            m.put("nl_groups", le32(b, 8));
        } else {
            m.put("data", ByteText.hex(Arrays.copyOfRange(b, 2, b.length)));
        }
        return m;
    }

    private static byte[] unixPath(byte[] b) {
        int end = 2;
        while (end < b.length && b[end] != 0) end++;
        return Arrays.copyOfRange(b, 2, end);
    }

    private static int port(byte[] b) {
        return (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static long be32(byte[] b, int off) {
        return (long) (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    private static long le32(byte[] b, int off) {
        return (long) (b[off + 3] & 0xff) << 24 | (b[off + 2] & 0xff) << 16 | (b[off + 1] & 0xff) << 8 | (b[off] & 0xff);
    }

    /** Dotted quad of 4 bytes at off. */
    public static String ipv4(byte[] b, int off) {
        return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }

    /**
     * RFC 5952 text of 16 bytes at off, as inet_ntop writes it: lower-case hex, the longest run
     * (first on a tie) of two or more zero groups as "::", IPv4-mapped addresses as ::ffff:a.b.c.d.
     */
    public static String ipv6(byte[] b, int off) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = (b[off + 2 * i] & 0xff) << 8 | (b[off + 2 * i + 1] & 0xff);
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + ipv4(b, off + 12);
        }
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
