package io.pdig.analyzer.engine;

import io.pdig.analyzer.fields.EvalContext;
import io.pdig.analyzer.filter.DomainNameCheck;
import io.pdig.analyzer.filter.Evaluator;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.rules.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Evaluates the enabled rules of a load result on events, dispatching by event type: for every
 * event-type name, the rules whose event-type set contains it plus the unrestricted rules, merged
 * in load order, are precomputed into one array, so an event costs one hash lookup and then only
 * the rules that can match. Rules below the priority threshold and disabled rules are left out.
 *
 * <p>The engine itself is immutable after construction; evaluation is meant for one thread at a
 * time (the analyzer's), because a few evaluators cache per-event values.
 */
public final class RuleEngine {
    private final RuleMatching matching;
    /** Per event type: the rules to try and their evaluators specialized to that type. */
    private final Map<String, Entry[]> byType = new HashMap<>();
    private final Entry[] unrestricted;

    /** A rule and the evaluator to run for it (possibly specialized to one event type). */
    private record Entry(Rule rule, Evaluator evaluator) {
    }
    private final List<Rule> active;
    /** What the active rules compare fd.*ip.name with by address, in load order. */
    private final java.util.Set<String> domainNames;

    public RuleEngine(LoadResult loaded, RuleMatching matching, Priority minPriority) {
        this(loaded.rules(), matching, minPriority);
    }

    public RuleEngine(List<Rule> rules, RuleMatching matching, Priority minPriority) {
        this.matching = matching;
        List<Rule> act = new ArrayList<>();
        for (Rule r : rules) {
            if (r.enabled() && r.priority().atLeast(minPriority)) act.add(r);
        }
        act.sort(Comparator.comparingInt(Rule::index));
        this.active = Collections.unmodifiableList(act);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Rule r : act) DomainNameCheck.collectNames(r.ast(), names);
        this.domainNames = Collections.unmodifiableSet(names);
        List<Rule> all = new ArrayList<>();
        Map<String, List<Rule>> typed = new HashMap<>();
        for (Rule r : act) {
            if (r.eventTypes().all()) {
                all.add(r);
            } else {
                for (String t : r.eventTypes().names()) typed.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        this.unrestricted = all.stream().map(r -> new Entry(r, r.evaluator())).toArray(Entry[]::new);
        for (Map.Entry<String, List<Rule>> e : typed.entrySet()) {
            List<Rule> merged = new ArrayList<>(e.getValue());
            merged.addAll(all);
            merged.sort(Comparator.comparingInt(Rule::index));
            List<Entry> entries = new ArrayList<>();
            for (Rule r : merged) {
                // Dispatch fixes evt.type, so its checks fold away; a rule that folds to false
                // for this type is not tried at all.
                Evaluator s = r.evaluator().specialize(e.getKey());
                if (s != Evaluator.FALSE) entries.add(new Entry(r, s));
            }
            byType.put(e.getKey(), entries.toArray(Entry[]::new));
        }
    }

    /** With Falco's defaults: first match, all priorities. */
    public RuleEngine(LoadResult loaded) {
        this(loaded, RuleMatching.FIRST, Priority.DEBUG);
    }

    /** The rules that will be evaluated, in load order. */
    public List<Rule> activeRules() {
        return active;
    }

    /**
     * The domain names the active rules compare fd.cip.name, fd.sip.name, fd.lip.name or
     * fd.rip.name with by address, in rule order: what must be resolved for those checks to match
     * (the engine resolves nothing itself: see {@link io.pdig.analyzer.dns.DomainNameCache}).
     * Empty for most rule sets, pdig's defaults included.
     */
    public java.util.Set<String> domainNames() {
        return domainNames;
    }

    /** The rules tried for an event of this type, in order. */
    public List<Rule> rulesFor(String eventType) {
        List<Rule> out = new ArrayList<>();
        for (Entry e : byType.getOrDefault(eventType, unrestricted)) out.add(e.rule());
        return out;
    }

    /**
     * The syscall/event names some active rule is restricted to, or null when some rule is
     * unrestricted (it needs every event). The launcher gives this to the tracer's filter.
     */
    public java.util.Set<String> eventTypes() {
        if (unrestricted.length > 0) return null;
        return Collections.unmodifiableSet(new TreeSet<>(byType.keySet()));
    }

    /**
     * Evaluates an event; returns the matches (empty list when none) in load order.
     * {@code eventType} must be the event's {@code evt.type} value (the syscall or event name).
     */
    public List<Match> evaluate(String eventType, EvalContext ctx) {
        Entry[] rs = byType.getOrDefault(eventType, unrestricted);
        List<Match> out = null;
        for (Entry r : rs) {
            if (r.evaluator().eval(ctx)) {
                if (out == null) out = new ArrayList<>(2);
                out.add(new Match(r.rule(), eventType, ctx));
                if (matching == RuleMatching.FIRST) break;
            }
        }
        return out == null ? List.of() : out;
    }

    /** Callback form: no list allocated; returns the number of matches. */
    public int evaluate(String eventType, EvalContext ctx, Consumer<Match> sink) {
        Entry[] rs = byType.getOrDefault(eventType, unrestricted);
        int n = 0;
        for (Entry r : rs) {
            if (r.evaluator().eval(ctx)) {
                n++;
                sink.accept(new Match(r.rule(), eventType, ctx));
                if (matching == RuleMatching.FIRST) break;
            }
        }
        return n;
    }
}
