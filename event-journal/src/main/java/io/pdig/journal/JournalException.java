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

    /**
     * Whether {@code t} is the JVM's report of a fault on a memory-mapped file: the store's files
     * are mapped and sparse, so writing (or reading back) a page on a full file system raises
     * SIGBUS, which the JVM turns into an InternalError that names no cause.
     */
    public static boolean isMappedFileFault(Throwable t) {
        return t instanceof InternalError && String.valueOf(t.getMessage()).contains("unsafe memory access");
    }

    /** A one-line account of a journal thread's or reader's failure. */
    public static String describe(Throwable t) {
        if (isMappedFileFault(t)) {
            return "a memory-mapped journal file could not be written or read (no space left on its file system?)";
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
