package io.pdig.analyzer.state;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;

/**
 * The Linux open flags of an open-family event, wherever its row keeps them: the flags argument,
 * openat2's struct open_how (first word), or creat's implied O_CREAT|O_WRONLY|O_TRUNC. One place
 * for the fd table and the evt.is_open_* fields.
 */
public final class OpenCalls {
    private static final long CREAT_FLAGS = 0100 | 01 | 01000; // O_CREAT | O_WRONLY | O_TRUNC

    private OpenCalls() {
    }

    /** The flags, or null for events that are not opens (or whose flags were unreadable). */
    public static Long flags(SyscallEvent s) {
        return switch (s.name()) {
            case "open", "openat", "open_by_handle_at" -> s.arg("flags") instanceof ArgValue.Num n ? n.value() : null;
            case "openat2" -> s.arg("how") instanceof ArgValue.Words w && w.words().length > 0 ? w.words()[0] : null;
            case "creat" -> CREAT_FLAGS;
            default -> null;
        };
    }
}
