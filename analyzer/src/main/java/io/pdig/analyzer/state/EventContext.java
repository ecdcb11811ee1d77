package io.pdig.analyzer.state;

import io.pdig.analyzer.dns.DomainNames;
import io.pdig.analyzer.fields.EvalContext;
import io.pdig.model.event.Event;

/**
 * The {@link EvalContext} of the event being evaluated. One instance is reused for every event
 * (set by {@link StateUpdater#apply}); rules and extractors must not keep it past the evaluation.
 * Confined to the analyzer thread.
 */
public final class EventContext implements EvalContext {
    private final DomainNames domainNames;
    private long seq;
    private Event event;
    private ProcessInfo process;
    private FdInfo fd;
    private StateView state;

    /** @param domainNames the answers for the rules' domain names, or null when no rule compares any */
    public EventContext(DomainNames domainNames) {
        this.domainNames = domainNames;
    }

    void set(long seq, Event event, ProcessInfo process, FdInfo fd, StateView state) {
        this.seq = seq;
        this.event = event;
        this.process = process;
        this.fd = fd;
        this.state = state;
    }

    @Override
    public Event event() {
        return event;
    }

    @Override
    public long seq() {
        return seq;
    }

    @Override
    public ProcessInfo process() {
        return process;
    }

    @Override
    public FdInfo fd() {
        return fd;
    }

    @Override
    public StateView state() {
        return state;
    }

    @Override
    public DomainNames domainNames() {
        return domainNames;
    }
}
