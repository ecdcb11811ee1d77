package io.pdig.analyzer.fields;

import io.pdig.model.event.Event;

/**
 * What an extractor may look at: the current event, its journal sequence number, and read-only
 * views of the state tables as they were just before the event's deferred removals are applied.
 * The concrete class is owned by the state package; the filter engine only passes it through.
 */
public interface EvalContext {
    Event event();

    long seq();
}
