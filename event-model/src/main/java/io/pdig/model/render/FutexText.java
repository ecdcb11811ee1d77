package io.pdig.model.render;

/**
 * futex as strace shows it: the operation named (FUTEX_WAIT_PRIVATE, FUTEX_WAIT_BITSET|
 * FUTEX_CLOCK_REALTIME) and only the arguments that operation reads, each as that operation reads
 * it: the fourth is a timeout pointer for the waits but a count (val2) for the requeues, the sixth
 * a bitset for the bitset operations but a compared value for the requeues. An unknown operation
 * shows all six (in hex; strace adds {@code /* FUTEX_??? *}{@code /}).
 */
public final class FutexText {

    private static final int PRIVATE = 128, CLOCK_REALTIME = 256;
    private static final int WAIT = 0, WAKE = 1, FD = 2, REQUEUE = 3, CMP_REQUEUE = 4, WAKE_OP = 5, LOCK_PI = 6,
            UNLOCK_PI = 7, TRYLOCK_PI = 8, WAIT_BITSET = 9, WAKE_BITSET = 10, WAIT_REQUEUE_PI = 11, CMP_REQUEUE_PI = 12,
            LOCK_PI2 = 13;

    private static final String[] NAMES = {"WAIT", "WAKE", "FD", "REQUEUE", "CMP_REQUEUE", "WAKE_OP", "LOCK_PI",
        "UNLOCK_PI", "TRYLOCK_PI", "WAIT_BITSET", "WAKE_BITSET", "WAIT_REQUEUE_PI", "CMP_REQUEUE_PI", "LOCK_PI2"};

    /** Which of the six arguments (bit i: argument i) each operation reads, by command number. */
    private static final int[] SHOWN = {
        0b001111, // WAIT: uaddr, op, val, timeout
        0b000111, // WAKE: uaddr, op, val
        0b000111, // FD: uaddr, op, signal
        0b011111, // REQUEUE: uaddr, op, val, val2, uaddr2
        0b111111, // CMP_REQUEUE: ... and val3
        0b111111, // WAKE_OP
        0b001011, // LOCK_PI: uaddr, op, timeout
        0b000011, // UNLOCK_PI
        0b000011, // TRYLOCK_PI
        0b101111, // WAIT_BITSET: uaddr, op, val, timeout, bitset
        0b100111, // WAKE_BITSET: uaddr, op, val, bitset
        0b011111, // WAIT_REQUEUE_PI: uaddr, op, val, timeout, uaddr2
        0b111111, // CMP_REQUEUE_PI
        0b001011, // LOCK_PI2: uaddr, op, timeout
    };

    private static final long BITSET_MATCH_ANY = 0xffffffffL;

    private FutexText() {
    }

    private static int command(long op) {
        return (int) (op & ~(PRIVATE | CLOCK_REALTIME) & 0xffffffffL);
    }

    private static boolean known(long op) {
        int c = command(op);
        return c >= 0 && c < NAMES.length && (op & 0xffffffffL) == (op & (PRIVATE | CLOCK_REALTIME | 0xf));
    }

    /** True when the operation reads argument {@code i}; an unknown one shows them all. */
    public static boolean shown(long op, int i) {
        return !known(op) || (SHOWN[command(op)] & (1 << i)) != 0;
    }

    public static String operation(long op) {
        if (!known(op)) return StructLayouts.hex(op & 0xffffffffL);
        String name = "FUTEX_" + NAMES[command(op)] + ((op & PRIVATE) != 0 ? "_PRIVATE" : "");
        return (op & CLOCK_REALTIME) != 0 ? name + "|FUTEX_CLOCK_REALTIME" : name;
    }

    /** True when the operation reads a struct timespec through its fourth argument (the waits and PI locks). */
    public static boolean readsTimeout(long op) {
        int c = command(op);
        return known(op) && (c == WAIT || c == LOCK_PI || c == WAIT_BITSET || c == WAIT_REQUEUE_PI || c == LOCK_PI2);
    }

    /** The fourth argument: val2, a count, for the requeues and WAKE_OP; else a timeout's address (one not read). */
    public static String fourth(long op, long raw) {
        int c = command(op);
        if (known(op) && (c == REQUEUE || c == CMP_REQUEUE || c == CMP_REQUEUE_PI || c == WAKE_OP)) {
            return Long.toString(raw & 0xffffffffL);
        }
        return raw == 0 ? "NULL" : StructLayouts.hex(raw);
    }

    /** The sixth argument: a bitset, a value the requeues compare, or (WAKE_OP, unknown) a word in hex. */
    public static String sixth(long op, long raw) {
        int c = command(op);
        long v = raw & 0xffffffffL;
        if (known(op) && (c == WAIT_BITSET || c == WAKE_BITSET)) {
            return v == BITSET_MATCH_ANY ? "FUTEX_BITSET_MATCH_ANY" : StructLayouts.hex(v);
        }
        if (known(op) && (c == CMP_REQUEUE || c == CMP_REQUEUE_PI)) return Long.toString(v);
        return StructLayouts.hex(v);
    }
}
