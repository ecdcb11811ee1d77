package io.pdig.journal;

/**
 * A journal failure the user can act on. The message is one line and starts with
 * {@code journal DIR:} so the launcher prints it as is.
 */
public class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
