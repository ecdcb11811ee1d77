package io.pdig.model.render;

import static io.pdig.model.render.Ev.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SockAddrsTest {

    @Test
    void inet() {
        assertEquals("{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}",
                SockAddrs.strace(Ev.inet(127, 0, 0, 1, 80)));
        assertEquals("{sa_family=AF_INET, sin_port=htons(65535), sin_addr=inet_addr(\"255.1.2.3\")}",
                SockAddrs.strace(Ev.inet(255, 1, 2, 3, 65535)));
        Map<String, Object> f = SockAddrs.fields(Ev.inet(10, 0, 0, 2, 443));
        assertEquals("AF_INET", f.get("family"));
        assertEquals(443L, f.get("port"));
        assertEquals("10.0.0.2", f.get("addr"));
    }

    private static byte[] inet6(String addr, int port, int scope) throws Exception {
        byte[] a = InetAddress.getByName(addr).getAddress();
        if (a.length == 4) { // Java folds ::ffff:a.b.c.d to IPv4; rebuild the mapped form
            a = bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a[0] & 0xff, a[1] & 0xff, a[2] & 0xff, a[3] & 0xff);
        }
        byte[] s = new byte[28];
        s[0] = 10;
        s[2] = (byte) (port >> 8);
        s[3] = (byte) port;
        System.arraycopy(a, 0, s, 8, 16);
        s[24] = (byte) scope;
        return s;
    }

    @Test
    void inet6AsStraceWritesIt() throws Exception {
        assertEquals("{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
                + "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}", SockAddrs.strace(inet6("::1", 443, 0)));
        assertEquals("fe80::1", SockAddrs.fields(inet6("fe80::1", 1, 2)).get("addr"));
        assertEquals(2L, SockAddrs.fields(inet6("fe80::1", 1, 2)).get("scope_id"));
    }

    @Test
    void ipv6TextFollowsRfc5952() throws Exception {
        String[][] cases = {
            {"::1", "::1"}, {"::", "::"}, {"2001:db8::1", "2001:db8::1"},
            {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"}, // one zero group is not compressed
            {"2001:0:0:1:0:0:0:1", "2001:0:0:1::1"}, // the longest run wins
            {"1:0:0:2:0:0:3:4", "1::2:0:0:3:4"}, // the first of equal runs wins
            {"2001:DB8:0:0:0:0:0:0", "2001:db8::"}, {"::ffff:10.0.0.1", "::ffff:10.0.0.1"},
            {"fe80:0:0:0:abcd:ef01:2345:6789", "fe80::abcd:ef01:2345:6789"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], SockAddrs.ipv6(inet6(c[0], 0, 0), 8), c[0]);
        }
    }

    @Test
    void unixPathsAbstractAndUnnamed() {
        byte[] path = new byte[110];
        path[0] = 1;
        byte[] name = "/run/x.sock".getBytes();
        System.arraycopy(name, 0, path, 2, name.length);
        assertEquals("{sa_family=AF_UNIX, sun_path=\"/run/x.sock\"}", SockAddrs.strace(path));
        assertEquals("{sa_family=AF_UNIX, sun_path=@\"name\"}", SockAddrs.strace(bytes(1, 0, 0, 'n', 'a', 'm', 'e')));
        assertEquals("{sa_family=AF_UNIX}", SockAddrs.strace(bytes(1, 0)));
        Map<String, Object> f = SockAddrs.fields(bytes(1, 0, 0, 'n', 'a', 'm', 'e'));
        assertEquals(Boolean.TRUE, f.get("abstract"));
        assertArrayEquals("name".getBytes(), (byte[]) f.get("path"));

        // An addrlen past sizeof(struct sockaddr_un): what follows sun_path is not shown.
        byte[] longAbstract = new byte[128];
        longAbstract[0] = 1;
        java.util.Arrays.fill(longAbstract, 3, 110, (byte) 'a');
        java.util.Arrays.fill(longAbstract, 110, 128, (byte) 'X');
        assertEquals("{sa_family=AF_UNIX, sun_path=@\"" + "a".repeat(107) + "\"}", SockAddrs.strace(longAbstract));
        assertEquals(107, ((byte[]) SockAddrs.fields(longAbstract).get("path")).length);
    }

    @Test
    void netlinkOtherFamiliesAndShortInput() {
        assertEquals("{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000001}",
                SockAddrs.strace(bytes(16, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0)));
        assertEquals("{sa_family=AF_PACKET, sa_data=\"\\x00\\x03\"}", SockAddrs.strace(bytes(17, 0, 0, 3)));
        assertEquals("{sa_data=\"\\x02\"}", SockAddrs.strace(bytes(2)));
        assertEquals("{sa_family=AF_INET, sa_data=\"\\x00P\"}", SockAddrs.strace(bytes(2, 0, 0, 80)), "short AF_INET");
        assertEquals("{sa_family=AF_INET}", SockAddrs.strace(bytes(2, 0)), "the family only: strace's form");
        assertEquals("0003", SockAddrs.fields(bytes(17, 0, 0, 3)).get("data"));
    }
}
