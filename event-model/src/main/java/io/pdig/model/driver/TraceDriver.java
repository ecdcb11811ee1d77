package io.pdig.model.driver;

import io.pdig.model.event.EventSink;

/**
 * An event source: the ptrace driver today, an eBPF driver later. Everything above this interface
 * (journal, analyzer, launcher) must work the same with any driver, so nothing here mentions ptrace.
 */
public interface TraceDriver {

    /** Starts the command under the driver. Returns once the tracee runs; errors at setup throw. */
    TraceSession launch(LaunchSpec spec, EventSink sink) throws DriverException;

    /** Attaches to a running process (all its threads, optionally its descendants). */
    TraceSession attach(AttachSpec spec, EventSink sink) throws DriverException;
}
