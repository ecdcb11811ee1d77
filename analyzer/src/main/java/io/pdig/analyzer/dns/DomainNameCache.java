package io.pdig.analyzer.dns;

import io.pdig.analyzer.state.SockAddrs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * pdig's counterpart of libsinsp's DNS manager: the names the rules compare fd.*ip.name with,
 * looked up in the background and kept fresh on Falco's {@link RefreshSchedule}, answering the
 * detection thread from the latest answers.
 *
 * <p>Unlike libsinsp, which looks a name up on the detection thread the first time a rule compares
 * with it, every name is known when the rules are loaded and is looked up at once, off the
 * detection thread: detection never waits for DNS, and an event evaluated before its name's first
 * answer simply does not match. Names are never forgotten (libsinsp drops a name unused for an
 * hour): they come from the rules, which do not change while the cache lives.
 *
 * <p>Threads: up to {@link #MAX_THREADS} daemon threads named {@code pdig-dns-N}, owned by this
 * cache, take the names that are due from one delay queue, so a slow lookup holds up at most its
 * own thread. They write the answers under this object's lock and publish an immutable
 * address-to-names map through a volatile field, which the detection thread reads without a lock.
 * {@link #close} stops them; one inside a lookup (the JDK's cannot be interrupted) ends as soon as
 * that lookup returns, and being a daemon never keeps the JVM alive meanwhile.
 */
public final class DomainNameCache implements DomainNames, AutoCloseable {

    /** At most this many lookups at a time: enough that one dead name does not stall the rest. */
    public static final int MAX_THREADS = 4;
    /** How long {@link #close} waits for the threads before leaving a stuck lookup to finish alone. */
    private static final long CLOSE_WAIT_MILLIS = 500;

    private final String[] names;
    private final HostResolver resolver;
    private final RefreshSchedule schedule;
    private final DelayQueue<Due> due = new DelayQueue<>();
    private final CountDownLatch firstLookups;
    private final List<Thread> threads = new ArrayList<>();
    /** Latest answer per name (index as in {@link #names}); guarded by this. */
    private final List<Set<String>> answers;
    /** Address -> the names that resolved to it, in name order; replaced whole, never changed. */
    private volatile Map<String, String[]> byAddress = Map.of();
    private volatile boolean closed;

    private DomainNameCache(Collection<String> names, HostResolver resolver, RefreshSchedule schedule) {
        this.names = new LinkedHashSet<>(names).toArray(String[]::new);
        this.resolver = resolver;
        this.schedule = schedule;
        this.firstLookups = new CountDownLatch(this.names.length);
        this.answers = new ArrayList<>(Collections.nCopies(this.names.length, Set.of()));
    }

    /**
     * Starts looking up {@code names} (duplicates ignored; their order decides which name
     * {@link #nameOf} shows when several resolve to one address). Returns at once.
     */
    public static DomainNameCache start(Collection<String> names, HostResolver resolver, RefreshSchedule schedule) {
        DomainNameCache c = new DomainNameCache(names, resolver, schedule);
        long now = System.nanoTime();
        for (int i = 0; i < c.names.length; i++) c.due.add(new Due(i, now, 0));
        int n = Math.min(MAX_THREADS, c.names.length);
        for (int i = 1; i <= n; i++) {
            Thread t = new Thread(c::lookUpWhatIsDue, "pdig-dns-" + i);
            t.setDaemon(true);
            c.threads.add(t);
        }
        c.threads.forEach(Thread::start);
        return c;
    }

    /** The names, in the order given to {@link #start}. */
    public List<String> names() {
        return List.of(names);
    }

    @Override
    public boolean anyResolvesTo(Set<String> wanted, String ip) {
        String[] found = byAddress.get(ip);
        if (found == null) return false;
        for (String n : found) {
            if (wanted.contains(n)) return true;
        }
        return false;
    }

    @Override
    public String nameOf(String ip) {
        String[] found = byAddress.get(ip);
        return found == null ? null : found[0];
    }

    /**
     * Waits until every name has had its first lookup (answered or failed), at most
     * {@code timeout}; true when they all have. For replay, whose events would otherwise race the
     * first answers; live detection never waits.
     */
    public boolean awaitFirstLookups(Duration timeout) throws InterruptedException {
        return firstLookups.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The body of each pdig-dns thread. */
    private void lookUpWhatIsDue() {
        while (!closed) {
            Due d;
            try {
                d = due.take();
            } catch (InterruptedException e) {
                return; // close()
            }
            Set<String> ips = lookUp(names[d.index]);
            if (closed) return;
            boolean changed = publish(d.index, ips);
            if (d.interval == 0) firstLookups.countDown();
            long next = schedule.nextNanos(d.interval, changed);
            due.add(new Due(d.index, System.nanoTime() + next, next));
        }
    }

    /** The addresses of {@code name} as pdig writes them; empty when it does not resolve. */
    private Set<String> lookUp(String name) {
        List<byte[]> found;
        try {
            found = resolver.addresses(name);
        } catch (RuntimeException e) {
            found = List.of();
        }
        Set<String> ips = new HashSet<>();
        for (byte[] a : found) {
            String ip = a == null ? null : SockAddrs.ipText(a);
            if (ip != null) ips.add(ip);
        }
        return ips;
    }

    /** Records a name's answer; rebuilds the published map when it changed. */
    private synchronized boolean publish(int index, Set<String> ips) {
        if (answers.get(index).equals(ips)) return false;
        answers.set(index, Set.copyOf(ips));
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String ip : answers.get(i)) m.computeIfAbsent(ip, k -> new ArrayList<>(1)).add(names[i]);
        }
        Map<String, String[]> published = new HashMap<>(m.size() * 2);
        m.forEach((ip, ns) -> published.put(ip, ns.toArray(String[]::new)));
        byAddress = Collections.unmodifiableMap(published);
        return true;
    }

    /** Stops the threads (see the class comment for one inside a lookup). Idempotent. */
    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        try {
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A name's next lookup; {@code interval} is the wait that led to it, 0 for the first lookup. */
    private record Due(int index, long atNanos, long interval) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Due other = (Due) o;
            int c = Long.compare(atNanos - other.atNanos, 0);
            return c != 0 ? c : Integer.compare(index, other.index);
        }
    }
}
