package io.pdig.journal.codec;

/** A record body that does not follow the schema (damage that the checksum did not catch, or a newer writer). */
public final class DecodeException extends RuntimeException {
    public DecodeException(String message) {
        super(message, null, false, false);
    }
}
