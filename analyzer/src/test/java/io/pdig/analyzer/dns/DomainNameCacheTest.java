package io.pdig.analyzer.dns;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cache of the rules' domain names, with resolvers substituted through {@link HostResolver}:
 * answers keyed as pdig writes addresses, lookups off the caller's thread and bounded in number, a
 * stuck lookup that delays nobody, Falco's refresh schedule, and no thread left after close.
 */
@Timeout(60)
class DomainNameCacheTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    static byte[] ip(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress(); // literals only: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A resolver answering from a map; unknown names do not resolve. */
    static HostResolver fixed(Map<String, List<String>> answers) {
        return name -> answers.getOrDefault(name, List.of()).stream().map(DomainNameCacheTest::ip).toList();
    }

    private static List<Thread> dnsThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("pdig-dns-") && t.isAlive()) out.add(t);
        }
        return out;
    }

    @Test
    void answersAreKeyedAsPdigWritesAddresses() throws Exception {
        // 16-byte v4-mapped answers are the IPv4 address, as a socket's side is written.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ip("192.0.2.10"), 0, mapped, 12, 4);
        Map<String, List<byte[]>> answers = Map.of(
                "v4.example", List.of(ip("192.0.2.1")),
                "v6.example", List.of(ip("2001:db8:0:0:0:0:0:7")),
                "mapped.example", List.of(mapped),
                "many.example", List.of(ip("198.51.100.7"), ip("198.51.100.8"), ip("2001:db8::8")));
        try (DomainNameCache c = DomainNameCache.start(List.of("v4.example", "v6.example", "mapped.example", "many.example"),
                name -> answers.getOrDefault(name, List.of()), RefreshSchedule.FALCO)) {
            assertTrue(c.awaitFirstLookups(LONG));
            assertTrue(c.anyResolvesTo(Set.of("v4.example"), "192.0.2.1"));
            assertTrue(c.anyResolvesTo(Set.of("v6.example"), "2001:db8::7"), "compressed IPv6 text");
            assertTrue(c.anyResolvesTo(Set.of("mapped.example"), "192.0.2.10"));
            for (String a : new String[] {"198.51.100.7", "198.51.100.8", "2001:db8::8"}) {
                assertTrue(c.anyResolvesTo(Set.of("nope.example", "many.example"), a), a);
                assertEquals("many.example", c.nameOf(a));
            }
            assertFalse(c.anyResolvesTo(Set.of("v4.example"), "192.0.2.2"));
            assertFalse(c.anyResolvesTo(Set.of("v6.example"), "192.0.2.1"));
            assertNull(c.nameOf("203.0.113.1"));
        }
    }

    @Test
    void aSharedAddressShowsTheFirstNameAndMatchesEach() throws Exception {
        HostResolver r = fixed(Map.of("b.example", List.of("198.51.100.7"), "a.example", List.of("198.51.100.7", "198.51.100.9")));
        try (DomainNameCache c = DomainNameCache.start(List.of("b.example", "a.example", "b.example"), r, RefreshSchedule.FALCO)) {
            assertEquals(List.of("b.example", "a.example"), c.names(), "duplicates dropped, order kept");
            assertTrue(c.awaitFirstLookups(LONG));
            assertEquals("b.example", c.nameOf("198.51.100.7"), "the first name the rules introduced");
            assertEquals("a.example", c.nameOf("198.51.100.9"));
            assertTrue(c.anyResolvesTo(Set.of("a.example"), "198.51.100.7"), "matched by address, not by the shown name");
        }
    }

    @Test
    void lookupsRunOnTheCachesOwnThreadsAtMostFourAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        Set<String> callers = ConcurrentHashMap.newKeySet();
        HostResolver blocking = name -> {
            callers.add(Thread.currentThread().getName());
            inside.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(ip("192.0.2.1"));
        };
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) names.add("n" + i + ".example");
        List<Thread> before = dnsThreads();
        DomainNameCache c = DomainNameCache.start(names, blocking, RefreshSchedule.FALCO);
        List<Thread> mine = dnsThreads();
        mine.removeAll(before);
        try {
            // start() returned while every lookup is blocked: nothing waited for DNS.
            assertFalse(c.anyResolvesTo(Set.copyOf(names), "192.0.2.1"), "no answer yet means no match");
            while (inside.get() < DomainNameCache.MAX_THREADS) Thread.sleep(5);
            assertEquals(DomainNameCache.MAX_THREADS, mine.size(), "a bounded number of threads");
            assertFalse(c.awaitFirstLookups(Duration.ofMillis(50)));
            release.countDown();
            assertTrue(c.awaitFirstLookups(LONG));
            assertTrue(c.anyResolvesTo(Set.of("n9.example"), "192.0.2.1"));
            assertEquals(10, inside.get());
            for (String t : callers) assertTrue(t.startsWith("pdig-dns-"), t);
        } finally {
            c.close();
        }
        for (Thread t : mine) assertFalse(t.isAlive(), "close() ended " + t.getName());
    }

    @Test
    void aStuckLookupDelaysNeitherOtherNamesNorClose() throws Exception {
        StuckLookups stuck = new StuckLookups();
        HostResolver r = name -> name.equals("stuck.example") ? stuck.block(List.of(ip("192.0.2.99"))) : List.of(ip("192.0.2.1"));
        List<Thread> before = dnsThreads();
        DomainNameCache c = DomainNameCache.start(List.of("stuck.example", "ok.example"), r, RefreshSchedule.FALCO);
        List<Thread> mine = new ArrayList<>(dnsThreads());
        mine.removeAll(before);
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!c.anyResolvesTo(Set.of("ok.example"), "192.0.2.1") && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(c.anyResolvesTo(Set.of("ok.example"), "192.0.2.1"), "the other name was answered meanwhile");
        assertFalse(c.anyResolvesTo(Set.of("stuck.example"), "192.0.2.99"));
        assertNull(c.nameOf("192.0.2.99"));
        long t0 = System.nanoTime();
        c.close();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "close() does not wait for a stuck lookup");
        stuck.release();
        for (Thread t : mine) {
            t.join(LONG.toMillis());
            assertFalse(t.isAlive(), t.getName() + " ends once its lookup returns");
        }
        assertNull(c.nameOf("192.0.2.99"), "an answer that comes after close() is not published");
    }

    @Test
    void aChangedAnswerReplacesTheOldOne() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HostResolver moving = name -> List.of(ip(calls.incrementAndGet() == 1 ? "192.0.2.1" : "192.0.2.2"));
        try (DomainNameCache c = DomainNameCache.start(List.of("moving.example"), moving,
                new RefreshSchedule(Duration.ofMillis(10), Duration.ofMillis(40)))) {
            assertTrue(c.awaitFirstLookups(LONG));
            long deadline = System.nanoTime() + LONG.toNanos();
            while (!c.anyResolvesTo(Set.of("moving.example"), "192.0.2.2") && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(c.anyResolvesTo(Set.of("moving.example"), "192.0.2.2"), "refreshed");
            assertFalse(c.anyResolvesTo(Set.of("moving.example"), "192.0.2.1"), "the old address is gone");
        }
    }

    @Test
    void refreshFollowsFalcosSchedule() {
        RefreshSchedule s = RefreshSchedule.FALCO;
        long base = TimeUnit.SECONDS.toNanos(10);
        assertEquals(base, s.nextNanos(0, false), "after the first lookup");
        assertEquals(2 * base, s.nextNanos(base, false), "unchanged: twice as long");
        assertEquals(TimeUnit.SECONDS.toNanos(320), s.nextNanos(TimeUnit.SECONDS.toNanos(320), false), "up to 320 s");
        assertEquals(TimeUnit.SECONDS.toNanos(320), s.nextNanos(TimeUnit.SECONDS.toNanos(160), false));
        assertEquals(base, s.nextNanos(TimeUnit.SECONDS.toNanos(160), true), "changed: back to 10 s");
        assertThrows(IllegalArgumentException.class, () -> new RefreshSchedule(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RefreshSchedule(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void theJdkResolverReadsTheHostsFileAndRefusesAnEmptyName() {
        List<String> local = HostResolver.jdk().addresses("localhost").stream()
                .map(io.pdig.analyzer.state.SockAddrs::ipText).toList();
        assertTrue(local.contains("127.0.0.1") || local.contains("::1"), local.toString());
        assertEquals(List.of(), HostResolver.jdk().addresses(""), "the JDK alone would answer the loopback address");
        assertEquals(List.of(), HostResolver.jdk().addresses("  "));
    }
}
