package io.pdig.analyzer.rules;

/** Aborts the current file (reading) or the compilation: Falco stops at the first error. */
final class LoadError extends RuntimeException {
    final transient LoadMessage msg;

    LoadError(LoadCode code, Location where, String message, String item) {
        super(message, null, false, false);
        this.msg = new LoadMessage(code, where, message, item);
    }
}
