package io.pdig.journal.codec;

import io.pdig.model.event.NoticeEvent;
import io.pdig.model.syscall.Abi;

/** The explicit numeric codes of {@link JournalSchema}. Never derived from ordinals. */
final class Codes {
    static final int SYSCALL = 1;
    static final int SPAWN = 2;
    static final int EXEC = 3;
    static final int EXIT = 4;
    static final int SIGNAL = 5;
    static final int STOPPED = 6;
    static final int NOTICE = 7;
    static final int START = 8;
    static final int END = 9;

    static final int KEYFRAME = 0x10;
    static final int F5 = 0x20;
    static final int F6 = 0x40;
    /** SYSCALL's trailing extension flags (since v5): bit 0, a duration follows. */
    static final int SYSCALL_X_DURATION = 0x01;

    static final int ARG_NULL = 0;
    static final int ARG_NUM = 1;
    static final int ARG_NUM_DELTA = 2;
    static final int ARG_BYTES = 3;
    static final int ARG_PATH = 4;
    static final int ARG_STRLIST = 5;
    static final int ARG_SOCKADDR = 6;
    static final int ARG_FDPAIR = 7;
    static final int ARG_WORDS = 8;
    static final int ARG_UNREADABLE = 9;
    static final int ARG_STRLIST_CUT = 10;
    static final int ARG_STRLIST_X = 11;
    /** An iovec array (since v6). */
    static final int ARG_IOVEC = 12;
    /** A struct msghdr of sendmsg/recvmsg (since v6, added before v6 was released). */
    static final int ARG_MSGHDR = 13;
    /** A vector of struct mmsghdr of sendmmsg/recvmmsg (since v6, added before v6 was released). */
    static final int ARG_MMSGHDRS = 14;

    static final int ARG_TRUNCATED = 0x10;
    static final int PATH_NO_RESOLVED = 0x20;
    static final int PATH_RAW_IS_TAIL = 0x40;

    private Codes() {
    }

    static int abiCode(Abi abi) {
        return switch (abi) {
            case X86_64 -> 0;
            case I386 -> 1;
            case X32 -> 2;
        };
    }

    static Abi abi(int code) {
        return switch (code) {
            case 0 -> Abi.X86_64;
            case 1 -> Abi.I386;
            case 2 -> Abi.X32;
            default -> throw new DecodeException("unknown abi code " + code);
        };
    }

    static int noticeCode(NoticeEvent.Kind k) {
        return switch (k) {
            case UNREADABLE_MEMORY -> 1;
            case DROPPED_EVENTS -> 2;
            case LATE_EVENTS -> 3;
            case TRACER_ERROR -> 4;
            case REFUSED_SYSCALL -> 5;
            case PERSONALITY_CHANGE -> 6;
            case DETACHED -> 7;
            case ATTACHED -> 8;
            case INFO -> 9;
        };
    }

    static NoticeEvent.Kind notice(int code) {
        return switch (code) {
            case 1 -> NoticeEvent.Kind.UNREADABLE_MEMORY;
            case 2 -> NoticeEvent.Kind.DROPPED_EVENTS;
            case 3 -> NoticeEvent.Kind.LATE_EVENTS;
            case 4 -> NoticeEvent.Kind.TRACER_ERROR;
            case 5 -> NoticeEvent.Kind.REFUSED_SYSCALL;
            case 6 -> NoticeEvent.Kind.PERSONALITY_CHANGE;
            case 7 -> NoticeEvent.Kind.DETACHED;
            case 8 -> NoticeEvent.Kind.ATTACHED;
            case 9 -> NoticeEvent.Kind.INFO;
            default -> throw new DecodeException("unknown notice code " + code + " (written by a newer pdig?)");
        };
    }
}
