package io.pdig.tracer;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * The preallocated native buffer pdig_next() fills for each stop (slot layout: enum pdig_stop_slot
 * in pdig.h). One per tracer; confined to the tracer thread. Reading a slot allocates nothing.
 */
final class StopBuffer {
    static final int STATUS = 0;
    static final int TID = 1;
    static final int EVENTMSG = 2;
    static final int INFO_RC = 3;
    static final int OP = 4;
    static final int ARCH = 5;
    static final int NR = 6;
    static final int IS_ERROR = 7;
    static final int ARG0 = 8;
    static final int RET_DATA = 14;
    static final int SIG_RC = 15;
    static final int SI_SIGNO = 16;
    static final int SI_CODE = 17;
    static final int SI_PID = 18;
    static final int SI_UID = 19;
    static final int POLLED = 20;
    /** siginfo bytes 24..47 at a signal-delivery stop (pdig.h: PDIG_SLOT_SI_W24..W40). */
    static final int SI_W24 = 21;
    static final int SI_W32 = 22;
    static final int SI_W40 = 23;
    /** The user stack pointer at a syscall stop (pdig.h: PDIG_SLOT_SP). */
    static final int SP = 24;
    private static final int SLOTS = 25;

    private final Pointer mem;
    final long address;

    StopBuffer() {
        mem = Memory.allocateDirect(NativeLibrary.runtime(), SLOTS * 8, true);
        address = mem.address();
    }

    long get(int slot) {
        return mem.getLong((long) slot * 8);
    }

    void clearSyscallSlots() {
        mem.putLong(OP * 8L, 0);
        mem.putLong(INFO_RC * 8L, 0);
    }

    long arg(int i) {
        return mem.getLong((long) (ARG0 + i) * 8);
    }
}
