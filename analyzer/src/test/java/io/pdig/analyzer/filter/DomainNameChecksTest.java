package io.pdig.analyzer.filter;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.dns.DomainNameCache;
import io.pdig.analyzer.dns.HostResolver;
import io.pdig.analyzer.dns.RefreshSchedule;
import io.pdig.analyzer.dns.StuckLookups;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.state.TestEvents.Harness;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * fd.cip.name, fd.sip.name, fd.lip.name and fd.rip.name on sockets built by the real analyzer, with
 * the real cache answering from a substituted resolver: =, != and in match by the addresses the
 * names resolve to (IPv4, IPv6, v4-mapped, several addresses per name), the field's value is the
 * first rule name that resolved to the address, and a pending lookup is "no match yet".
 */
@Timeout(60)
class DomainNameChecksTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "db.example", List.of("192.0.2.10"),
            "cdn.example", List.of("198.51.100.7", "198.51.100.8", "2001:db8::7"),
            "alias.example", List.of("198.51.100.7"),
            "client.example", List.of("203.0.113.5"));
    /** Holds "slow.example"'s lookup until the test ends (a new one per test, as JUnit makes this object). */
    private final StuckLookups slow = new StuckLookups();

    private final List<DomainNameCache> caches = new ArrayList<>();

    @AfterEach
    void closeCaches() {
        slow.release();
        caches.forEach(DomainNameCache::close);
    }

    private static byte[] ip(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The cache the engine would build for rules naming these hosts; "slow.example" never answers. */
    private DomainNameCache cache(String... names) throws InterruptedException {
        HostResolver r = name -> name.equals("slow.example") ? slow.block(List.of())
                : DNS.getOrDefault(name, List.of()).stream().map(DomainNameChecksTest::ip).toList();
        DomainNameCache c = DomainNameCache.start(List.of(names), r, RefreshSchedule.FALCO);
        caches.add(c);
        if (!List.of(names).contains("slow.example")) assertTrue(c.awaitFirstLookups(Duration.ofSeconds(30)));
        return c;
    }

    private static boolean matches(Harness h, String condition) {
        return new FilterCompiler(FieldRegistry.standard()).compile(FilterParser.parse(condition)).eval(h.last());
    }

    /** A client of {@code ip}:443 from 192.0.2.2:40000 (IPv4) or [2001:db8::2]:40000 (IPv6). */
    private static Harness connectTo(Harness h, String ip) {
        byte[] a = ip(ip);
        if (ip.startsWith("::ffff:")) {
            // The JDK turns a v4-mapped literal into its IPv4 address: build the 16 bytes by hand.
            byte[] m = new byte[16];
            m[10] = (byte) 0xff;
            m[11] = (byte) 0xff;
            System.arraycopy(a, 0, m, 12, 4);
            a = m;
        }
        boolean v6 = a.length == 16;
        return h.feed(exec(10, "/usr/bin/curl", "curl").build(),
                sys(10, "socket", 3, "domain", v6 ? 10 : 2, "type", 1, "proto", 6),
                sys(10, "connect", 0, "fd", 3, "addr", v6 ? inet6(a, 443) : inet4(ip, 443), "addrlen", v6 ? 28 : 16,
                        "local", v6 ? inet6(ip("2001:db8::2"), 40000) : inet4("192.0.2.2", 40000)));
    }

    @Test
    void equalsAndNotEqualsMatchByAddressIPv4() throws Exception {
        Harness h = connectTo(new Harness(cache("db.example", "cdn.example", "alias.example")), "198.51.100.8");
        assertTrue(matches(h, "fd.sip.name = cdn.example"), "198.51.100.8 is one of cdn.example's addresses");
        assertTrue(matches(h, "fd.sip.name == cdn.example"));
        assertFalse(matches(h, "fd.sip.name = db.example"));
        assertTrue(matches(h, "fd.sip.name != db.example"));
        assertFalse(matches(h, "fd.sip.name != cdn.example"));
        assertTrue(matches(h, "fd.rip.name = cdn.example"), "the client's remote side is the server");
        assertFalse(matches(h, "fd.cip.name = cdn.example"));
        assertFalse(matches(h, "fd.lip.name = cdn.example"));
        assertEquals("cdn.example", h.value("fd.sip.name"));
        assertEquals("cdn.example", h.value("fd.rip.name"));
        assertNull(h.value("fd.cip.name"), "no rule name resolves to 192.0.2.2");
    }

    @Test
    void inListsMatchWhenAnyNameResolvesToTheAddress() throws Exception {
        Harness h = connectTo(new Harness(cache("db.example", "cdn.example", "alias.example", "nosuch.example")), "198.51.100.7");
        assertTrue(matches(h, "fd.sip.name in (db.example, cdn.example)"));
        assertTrue(matches(h, "fd.sip.name in (nosuch.example, alias.example)"));
        assertFalse(matches(h, "fd.sip.name in (db.example, nosuch.example)"));
        assertTrue(matches(h, "fd.sip.name intersects (alias.example)"));
        assertTrue(matches(h, "fd.sip.name = alias.example"), "a shared address matches each name that has it");
        assertEquals("cdn.example", h.value("fd.sip.name"), "the value: the first name introduced");
        // Other operators compare that value as a string, as libsinsp does once it has a name.
        assertTrue(matches(h, "fd.sip.name startswith cdn."));
        assertFalse(matches(h, "fd.sip.name startswith alias."));
        assertTrue(matches(h, "fd.sip.name exists"));
    }

    @Test
    void ipv6AndV4MappedAddressesMatch() throws Exception {
        DomainNameCache c = cache("db.example", "cdn.example");
        Harness v6 = connectTo(new Harness(c), "2001:db8::7");
        assertEquals("ipv6", v6.value("fd.type"));
        assertTrue(matches(v6, "fd.sip.name = cdn.example"));
        assertFalse(matches(v6, "fd.sip.name = db.example"));
        assertEquals("cdn.example", v6.value("fd.sip.name"));
        Harness mapped = connectTo(new Harness(c), "::ffff:192.0.2.10");
        assertEquals("192.0.2.10", mapped.value("fd.sip"));
        assertTrue(matches(mapped, "fd.sip.name = db.example"), "an IPv4-mapped peer is its IPv4 address");
    }

    @Test
    void theClientSideOfAnAcceptedConnection() throws Exception {
        Harness h = new Harness(cache("client.example", "db.example")).feed(
                exec(70, "/usr/sbin/nginx", "nginx").build(),
                sys(70, "socket", 3, "domain", 2, "type", 1, "proto", 6),
                sys(70, "bind", 0, "fd", 3, "addr", inet4("192.0.2.10", 8080)),
                sys(70, "listen", 0, "fd", 3, "backlog", 16),
                sys(70, "accept4", 4, "sockfd", 3, "addr", inet4("203.0.113.5", 51234), "flags", 0));
        assertTrue(matches(h, "fd.cip.name = client.example"));
        assertTrue(matches(h, "fd.rip.name = client.example"));
        assertTrue(matches(h, "fd.sip.name = db.example"), "the server side is the bound address");
        assertEquals("client.example", h.value("fd.cip.name"));
        assertEquals("db.example", h.value("fd.lip.name"));
    }

    @Test
    void aSocketWithoutTheAddressMatchesNoOperator() throws Exception {
        Harness h = new Harness(cache("db.example")).feed(exec(10, "/bin/app", "app").build(),
                sys(10, "socket", 3, "domain", 1, "type", 1, "proto", 0),
                sys(10, "connect", 0, "fd", 3, "addr", unix("/run/app.sock"), "addrlen", 16));
        assertFalse(matches(h, "fd.sip.name = db.example"));
        assertFalse(matches(h, "fd.sip.name != db.example"), "libsinsp: no IP socket, no match, even !=");
        assertNull(h.value("fd.sip.name"));
    }

    @Test
    void aPendingLookupIsNoMatchYetAndNobodyWaits() throws Exception {
        Harness h = connectTo(new Harness(cache("slow.example")), "192.0.2.10");
        assertFalse(matches(h, "fd.sip.name = slow.example"));
        assertTrue(matches(h, "fd.sip.name != slow.example"));
        assertNull(h.value("fd.sip.name"));
    }

    @Test
    void withoutAnyRuleNameTheFieldsHaveNoValue() {
        Harness h = connectTo(new Harness(), "192.0.2.10");
        assertNull(h.value("fd.sip.name"));
        assertFalse(matches(h, "fd.sip.name = db.example"));
    }
}
