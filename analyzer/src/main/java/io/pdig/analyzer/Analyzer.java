package io.pdig.analyzer;

import io.pdig.analyzer.dns.DomainNames;
import io.pdig.analyzer.state.EventContext;
import io.pdig.analyzer.state.StateCounters;
import io.pdig.analyzer.state.StateLimits;
import io.pdig.analyzer.state.StateTables;
import io.pdig.analyzer.state.StateUpdater;
import io.pdig.analyzer.state.UserDirectory;
import io.pdig.model.event.Event;
import io.pdig.model.event.SyscallEvent;

/**
 * The analyzer's event loop body: takes (seq, event) in journal order, applies the removals the
 * previous event deferred, updates the state tables, then lets the rules evaluate the event.
 * Only syscall events are evaluated (they carry evt.type); process, notice and session events
 * only update state. Live and replay feed the same events, so they give the same alerts.
 *
 * <p>Not thread-safe: one thread owns an Analyzer (the journal reader's).
 */
public final class Analyzer {
    private final StateUpdater updater;
    private final EventContext ctx;
    private final RuleEvaluator rules;
    private long lastSeq = Long.MIN_VALUE;

    public Analyzer(UserDirectory users, StateLimits limits, RuleEvaluator rules) {
        this(users, limits, rules, null);
    }

    /**
     * @param domainNames what fd.*ip.name checks and fields read (see {@link DomainNames}), or null
     *                    when no rule compares those fields with a name
     */
    public Analyzer(UserDirectory users, StateLimits limits, RuleEvaluator rules, DomainNames domainNames) {
        this.updater = new StateUpdater(new StateTables(limits, users));
        this.rules = rules;
        this.ctx = new EventContext(domainNames);
    }

    /**
     * Processes one event. Sequence numbers (Falco's evt.num) should increase; one that does not is
     * counted ({@link StateCounters#seqRegressions()}) and the event still processed: detection
     * degrades rather than stops.
     */
    public void process(long seq, Event event) {
        if (seq <= lastSeq) {
            updater.tables().counters().seqRegression();
        }
        lastSeq = seq;
        updater.beginEvent();
        updater.apply(seq, event, ctx);
        if (event instanceof SyscallEvent) {
            rules.evaluate(ctx);
        }
    }

    public StateTables state() {
        return updater.tables();
    }

    public StateCounters counters() {
        return updater.tables().counters();
    }
}
