package io.pdig.analyzer.fields;

import io.pdig.analyzer.dns.DomainNames;
import io.pdig.analyzer.state.FdInfo;
import io.pdig.analyzer.state.ProcessInfo;
import io.pdig.analyzer.state.StateView;
import io.pdig.model.event.Event;

/**
 * What an extractor may look at: the current event, its journal sequence number, and read-only
 * views of the state tables as they were just before the event's deferred removals are applied.
 * The concrete class is owned by the state package; the filter engine only passes it through.
 *
 * <p>The state accessors have defaults returning null so that a bare context (event and seq
 * only, as filter tests build) still works: state-based fields then simply have no value.
 */
public interface EvalContext {
    Event event();

    long seq();

    /** The process of the event's thread, or null when unknown. */
    default ProcessInfo process() {
        return null;
    }

    /**
     * The fd the event is about (the one it created, or its fd argument), or null. For a failed
     * open this is a detached entry with number -1 whose name comes from the path argument.
     */
    default FdInfo fd() {
        return null;
    }

    /** The state tables (process lookup for lineage, user directory, host name), or null. */
    default StateView state() {
        return null;
    }

    /**
     * The answers so far for the domain names the rules compare fd.*ip.name with, or null when no
     * rule does (those fields then have no value).
     */
    default DomainNames domainNames() {
        return null;
    }
}
