package io.pdig.model.driver;

/** A setup failure with a message the user can act on (shown as one line, no stack trace). */
public class DriverException extends Exception {
    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
