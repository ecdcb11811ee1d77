package io.pdig.analyzer.engine;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.dns.HostResolver;
import io.pdig.analyzer.dns.StuckLookups;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.live.Detector;
import io.pdig.analyzer.output.Alert;
import io.pdig.analyzer.output.AlertFactory;
import io.pdig.analyzer.output.AlertSink;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.analyzer.rules.RuleSource;
import io.pdig.analyzer.state.StateLimits;
import io.pdig.analyzer.state.UserDirectory;
import io.pdig.model.event.Event;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which names the rules make pdig resolve (those compared with fd.*ip.name by =, != or in, in the
 * active rules only), and the Detector that resolves them: in the background, never on the caller's
 * thread, never holding up an event, gone after close. The upstream miner-pool rule, enabled, fires
 * on a connect to an address its domains resolve to.
 */
@Timeout(60)
class DomainNameRulesTest {

    private static final Path UPSTREAM = Path.of(System.getProperty("pdig.repo.root", "."), "..", "shared", "falco-rules")
            .normalize();
    private static final String MINER_RULE = "Detect outbound connections to common miner pool ports";

    private static LoadResult load(String yaml) {
        LoadResult r = RuleLoader.load(List.of(RuleSource.of("test.yaml", yaml)), FieldRegistry.standard());
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        return r;
    }

    private static List<Path> upstream(String... files) {
        List<Path> out = new ArrayList<>();
        for (String f : files) {
            Path p = UPSTREAM.resolve(f);
            Assumptions.assumeTrue(Files.isRegularFile(p), "upstream rules not available at " + p);
            out.add(p);
        }
        return out;
    }

    private static byte[] ip(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Thread> dnsThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("pdig-dns-") && t.isAlive()) out.add(t);
        }
        return out;
    }

    private static Detector detector(LoadResult rules, List<Alert> alerts, HostResolver resolver) {
        AlertSink sink = alerts::add;
        return new Detector(new RuleEngine(rules), new AlertFactory("test"), List.of(sink), UserDirectory.rootOnly(),
                StateLimits.DEFAULT, "test", resolver);
    }

    private static void feed(Detector d, Event... events) {
        long seq = 0;
        for (Event e : events) d.process(++seq, e);
    }

    private static Event[] curlConnects(String ip, int port) {
        return new Event[] {exec(10, "/usr/bin/curl", "curl").build(), sys(10, "execve", 0, "filename", "/usr/bin/curl"),
                sys(10, "socket", 3, "domain", 2, "type", 1, "proto", 6),
                sys(10, "connect", 0, "fd", 3, "addr", inet4(ip, port), "addrlen", 16, "local", inet4("192.0.2.2", 40000))};
    }

    @Test
    void namesComeFromTheActiveRulesComparisonsByAddress() {
        LoadResult r = load("""
                - list: pools
                  items: [pool.example, "stratum.example"]
                - macro: to_pool
                  condition: fd.sip.name in (pools)
                - rule: a
                  desc: a
                  condition: evt.type = connect and (to_pool or fd.cip.name != client.example)
                  output: "%fd.sip.name"
                  priority: WARNING
                - rule: b
                  desc: b
                  condition: evt.type = connect and fd.rip.name = pool.example and fd.lip.name contains local
                  output: x
                  priority: WARNING
                - rule: c
                  desc: disabled rules resolve nothing
                  condition: evt.type = connect and fd.sip.name = disabled.example
                  output: x
                  priority: WARNING
                  enabled: false
                - rule: d
                  desc: rules below the threshold neither
                  condition: evt.type = connect and fd.sip.name = debug.example
                  output: x
                  priority: DEBUG
                """);
        assertEquals(List.of("pool.example", "stratum.example", "client.example", "debug.example"),
                List.copyOf(new RuleEngine(r).domainNames()));
        assertEquals(List.of("pool.example", "stratum.example", "client.example"),
                List.copyOf(new RuleEngine(r, RuleMatching.FIRST, Priority.INFORMATIONAL).domainNames()));
        assertEquals(Set.of(), new RuleEngine(load("""
                - rule: plain
                  desc: no name
                  condition: evt.type = connect and fd.sip = 192.0.2.1
                  output: "%fd.sip.name"
                  priority: WARNING
                """)).domainNames(), "an output field alone resolves nothing");
    }

    @Test
    void theUpstreamFilesResolveTheMinerDomainsOnlyWhenTheirRuleIsEnabled() throws Exception {
        List<Path> files = upstream("falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml");
        LoadResult asShipped = RuleLoader.loadFiles(files, FieldRegistry.standard());
        assertFalse(asShipped.hasErrors(), () -> asShipped.errors().toString());
        // Only the stable "Contact K8S API Server From Container" compares a name by default.
        assertEquals(List.of("kubernetes.default.svc.cluster.local"), List.copyOf(new RuleEngine(asShipped).domainNames()));

        List<RuleSource> sources = new ArrayList<>();
        for (Path f : files) sources.add(RuleSource.fromPath(f));
        sources.add(RuleSource.of("enable.yaml", "- rule: " + MINER_RULE + "\n  enabled: true\n  override:\n    enabled: replace\n"));
        LoadResult enabled = RuleLoader.load(sources, FieldRegistry.standard());
        assertFalse(enabled.hasErrors(), () -> enabled.errors().toString());
        Set<String> names = new RuleEngine(enabled).domainNames();
        for (String n : new String[] {"asia1.ethpool.org", "pool.minexmr.com", "xmr.crypto-pool.fr", "btm.antpool.com"}) {
            assertTrue(names.contains(n), n + " in " + names);
        }
        assertTrue(names.size() > 30, names.toString());

        // Building the detector looks nothing up on this thread and does not wait: every lookup
        // blocks until released, and the constructor has returned by then.
        CountDownLatch release = new CountDownLatch(1);
        Set<String> lookupThreads = ConcurrentHashMap.newKeySet();
        HostResolver resolver = name -> {
            lookupThreads.add(Thread.currentThread().getName());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return name.equals("pool.minexmr.com") ? List.of(ip("198.51.100.7")) : List.of();
        };
        List<Alert> alerts = new ArrayList<>();
        List<Thread> before = dnsThreads();
        try (Detector d = detector(enabled, alerts, resolver)) {
            release.countDown();
            assertTrue(d.awaitDomainNames(Duration.ofSeconds(30)));
            assertFalse(lookupThreads.isEmpty());
            for (String t : lookupThreads) assertTrue(t.startsWith("pdig-dns-"), "looked up on " + t);
            feed(d, curlConnects("198.51.100.7", 443));
            assertEquals(List.of(MINER_RULE), alerts.stream().map(Alert::rule).toList(), alerts.toString());
            assertTrue(alerts.get(0).message().contains("ip=198.51.100.7"), alerts.get(0).message());
            alerts.clear();
            feed(d, curlConnects("198.51.100.9", 443));
            assertEquals(List.of(), alerts, "an address no miner domain resolves to");
        }
        List<Thread> mine = dnsThreads();
        mine.removeAll(before);
        assertEquals(List.of(), mine, "close() ended the lookups");
    }

    @Test
    void aDeadDnsDelaysNoEventAndNotTheClose() throws Exception {
        LoadResult r = load("""
                - rule: named
                  desc: a name that never answers
                  condition: evt.type = connect and fd.sip.name = nosuchhost.invalid
                  output: "named %fd.sip.name"
                  priority: WARNING
                - rule: any connect
                  desc: fires regardless
                  condition: evt.type = connect and fd.sip.name != nosuchhost.invalid
                  output: "connect to %fd.sip name=%fd.sip.name"
                  priority: NOTICE
                """);
        StuckLookups stuck = new StuckLookups();
        HostResolver dead = name -> stuck.block(List.of());
        List<Alert> alerts = new ArrayList<>();
        List<Thread> before = dnsThreads();
        Detector d = detector(r, alerts, dead);
        List<Thread> mine = dnsThreads();
        mine.removeAll(before);
        try {
            assertFalse(d.awaitDomainNames(Duration.ofMillis(20)), "the lookup is stuck");
            feed(d, curlConnects("127.0.0.1", 80));
            assertEquals(List.of("any connect"), alerts.stream().map(Alert::rule).toList());
            assertTrue(alerts.get(0).message().endsWith("connect to 127.0.0.1 name=<NA>"), alerts.get(0).message());
        } finally {
            d.close(); // returns although a lookup is stuck (the test's timeout would catch a hang)
            stuck.release();
        }
        for (Thread t : mine) {
            t.join(30_000);
            assertFalse(t.isAlive(), t.getName() + " ends once its lookup returns");
        }
    }

    @Test
    void withoutDomainNamesNoThreadStarts() {
        List<Thread> before = dnsThreads();
        try (Detector d = detector(load("""
                - rule: plain
                  desc: no name
                  condition: evt.type = connect
                  output: "%fd.sip.name"
                  priority: WARNING
                """), new ArrayList<>(), name -> {
            throw new AssertionError("looked up " + name);
        })) {
            List<Thread> now = dnsThreads();
            now.removeAll(before);
            assertEquals(List.of(), now);
            assertTrue(d.engine().domainNames().isEmpty());
        }
    }
}
