package io.pdig.model.syscall;

/**
 * Narrows when a traced syscall is worth a stop: only when argument {@code argIndex} (its low 32
 * bits, which the seccomp filter can see) equals one of {@code values}. Other calls of the same
 * syscall change no state that pdig tracks and so run without stopping (e.g. fcntl's F_GETFL
 * against its fd-creating F_DUPFD).
 */
public record StopCondition(int argIndex, long[] values) {
}
