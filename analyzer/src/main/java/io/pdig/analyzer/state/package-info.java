/**
 * State tables built only from events, never from /proc or tracee memory, so that a live run and
 * a replay of its journal agree: the process table ({@link io.pdig.analyzer.state.ProcessInfo},
 * lineage, exec facts, credentials), fd tables per process ({@link io.pdig.analyzer.state.FdInfo}:
 * files, sockets, pipes, anonymous fds) and the host's user directory read once at start.
 *
 * <p>Ownership: one thread (the analyzer's) writes through {@link io.pdig.analyzer.state.StateUpdater}
 * and evaluates rules on the same thread; extractors read through {@link io.pdig.analyzer.fields.EvalContext}.
 * Removals caused by close and exit are deferred to the start of the next event so that rules on
 * those events still see fd.name and proc.name. Tables are capped ({@link io.pdig.analyzer.state.StateLimits})
 * with least-recently-used eviction, counted in {@link io.pdig.analyzer.state.StateCounters}.
 *
 * <p>Expected event order from the tracer: Spawn before a child's first event; for a successful
 * exec, the Exec event before the execve/execveat syscall event (ptrace reports PTRACE_EVENT_EXEC
 * before the syscall-exit stop), so exec rules see the new image as in Falco.
 */
package io.pdig.analyzer.state;
