package io.pdig.model.syscall;

/**
 * One syscall argument: its position in the register list, its Falco parameter name (so
 * {@code evt.arg.name} needs no mapping) and its kind.
 */
public record Arg(int position, String name, ArgKind kind) {
}
