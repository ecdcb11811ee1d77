package io.pdig.journal.store;

/** The storage layer failed to read a record (e.g. a broken Chronicle header). */
public final class StoreDamageException extends RuntimeException {
    public StoreDamageException(String message, Throwable cause) {
        super(message, cause);
    }
}
